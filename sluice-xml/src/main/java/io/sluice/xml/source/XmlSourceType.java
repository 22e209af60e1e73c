package io.sluice.xml.source;

import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.ComponentType;
import io.sluice.engine.dataflow.pipeline.DataTypes;
import io.sluice.engine.dataflow.pipeline.ErrorDisposition;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.type.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code XmlSource} (SSIS's XML Source): the repeating elements a path names in a file connection's
 * XML, one row each, read as a stream (StAX) so a file of any size needs the memory of one row.
 * Columns are declared with their type and where their value is, relative to the row element.
 * Outputs {@code Output} and {@code Error} (rows whose value did not convert, when redirected).
 */
public final class XmlSourceType implements ComponentType {

  @Override
  public String name() {
    return "XmlSource";
  }

  @Override
  public int minInputs() {
    return 0;
  }

  @Override
  public int maxInputs() {
    return 0;
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of("connection", "rowPath", "columns", "onError")
        .withItems("columns", "name", "type", "path", "onError");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    Settings s = spec.settings();
    String connection = s.string("connection");
    Path file =
        context
            .environment()
            .file(connection)
            .orElseThrow(
                () ->
                    new PlanningException(
                        "connection '" + connection + "' is not a file connection"));
    if (!Files.isRegularFile(file)) {
      throw new PlanningException(
          "file " + file + " of connection '" + connection + "' does not exist");
    }
    List<String> rowPath = RowPath.parse(s.string("rowPath"));
    ErrorDisposition onError = ErrorDisposition.parse(s.string("onError", null));
    List<XmlColumn> columns = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Settings c : s.list("columns")) {
      String name = c.string("name");
      if (!names.add(name.toLowerCase(Locale.ROOT))) {
        throw new PlanningException("column '" + name + "' is declared twice");
      }
      DataType type =
          c.has("type")
              ? DataTypes.parse(c.string("type"), "column '" + name + "'")
              : DataType.wstr(255);
      String path = c.string("path", name);
      columns.add(
          new XmlColumn(
              new Column(name, type),
              RowPath.relative(path, "column '" + name + "'"),
              c.has("onError") ? ErrorDisposition.parse(c.string("onError")) : onError));
    }
    if (columns.isEmpty()) {
      throw new PlanningException("XmlSource declares no columns; list them under 'columns'");
    }
    RowSchema schema = RowSchema.of(columns.stream().map(XmlColumn::column).toList());
    return PlannedComponent.of(
        List.of(
            new OutputPlan("Output", schema),
            new OutputPlan("Error", RowErrors.errorSchema(schema))),
        new XmlSource(file, rowPath, columns));
  }

  /** A declared column: its value's place relative to the row element, and what a bad one does. */
  record XmlColumn(Column column, String path, ErrorDisposition onError) {}
}
