package io.sluice.engine.dataflow.transform.charmap;

import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.ErrorDisposition;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import io.sluice.engine.dataflow.transform.SettingProblems;
import io.sluice.engine.project.Problem;
import io.sluice.engine.project.StructureCheck;
import io.sluice.engine.type.DataType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * {@code CharacterMap}: applies SSIS's character mappings (lowercase, uppercase, byte reversal,
 * full/half width, hiragana/katakana) to string columns, in place or into a new column of the same
 * type. Outputs {@code Output} and {@code Error} (a mapped value longer than its column).
 */
public final class CharacterMapType extends SimpleComponentType {

  public CharacterMapType() {
    super("CharacterMap", 1);
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of().withItems("columns", "input", "operations", "output", "onError");
  }

  @Override
  public List<Problem> problems(Map<String, Object> settings, StructureCheck.Written written) {
    return SettingProblems.of(
        name(),
        settings,
        written,
        s -> {
          for (Settings c : s.list("columns")) {
            Operation.parse(c.strings("operations"), c.string("input", "?"));
            ErrorDisposition.parse(c.string("onError", null));
          }
        });
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    RowSchema input = context.input(0);
    List<Settings> columns = spec.settings().list("columns");
    if (columns.isEmpty()) {
      throw new PlanningException(
          "a CharacterMap needs 'columns' (input, operations, output for a new column)");
    }
    RowSchema output = input;
    List<CharacterMap.Mapping> mappings = new ArrayList<>();
    for (Settings c : columns) {
      String name = c.string("input");
      int source = input.indexOf(name);
      Column column = input.column(source);
      DataType type = column.type();
      if (!type.kind().isCharacter()) {
        throw new PlanningException(
            "column '"
                + column.name()
                + "' is "
                + type
                + "; a CharacterMap maps string columns (DT_STR, DT_WSTR, DT_TEXT, DT_NTEXT)");
      }
      EnumSet<Operation> operations = Operation.parse(c.strings("operations"), column.name());
      if (operations.contains(Operation.BYTE_REVERSAL)
          && type.kind() != DataType.Kind.DT_WSTR
          && type.kind() != DataType.Kind.DT_NTEXT) {
        throw new PlanningException(
            "column '"
                + column.name()
                + "' is "
                + type
                + "; byteReversal swaps the bytes of Unicode characters (DT_WSTR, DT_NTEXT)");
      }
      String newName = c.string("output", null);
      int target;
      if (newName == null || newName.equalsIgnoreCase(column.name())) {
        target = source;
      } else {
        target = output.width();
        output = output.plus(List.of(new Column(newName, type)));
      }
      int length =
          type.kind() == DataType.Kind.DT_STR || type.kind() == DataType.Kind.DT_WSTR
              ? type.length()
              : 0;
      mappings.add(
          new CharacterMap.Mapping(
              column.name(),
              source,
              target,
              operations,
              length,
              ErrorDisposition.parse(c.string("onError", null))));
    }
    return PlannedComponent.of(
        List.of(
            new OutputPlan("Output", output),
            new OutputPlan("Error", RowErrors.errorSchema(input))),
        new CharacterMap(mappings, output.width()));
  }
}
