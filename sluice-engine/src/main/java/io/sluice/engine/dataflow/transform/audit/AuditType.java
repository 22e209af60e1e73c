package io.sluice.engine.dataflow.transform.audit;

import io.sluice.engine.dataflow.DataFlowEnvironment;
import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.DataTypes;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowCursor;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import io.sluice.engine.dataflow.transform.SettingProblems;
import io.sluice.engine.expression.Expression;
import io.sluice.engine.expression.ExpressionScope;
import io.sluice.engine.expression.Reference;
import io.sluice.engine.project.Problem;
import io.sluice.engine.project.StructureCheck;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.ValueConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code Audit}: adds columns holding facts about the run (SSIS's Audit transformation): the
 * execution's GUID, the package's name, the start time, the machine, the user, the task. Each is
 * the run's System variable of that name, read once when the flow starts; a variable the run does
 * not have (Sluice packages have no PackageID, VersionID or TaskID) gives NULL and a warning.
 */
public final class AuditType extends SimpleComponentType {

  public AuditType() {
    super("Audit", 1);
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of().withItems("columns", "name", "item", "type");
  }

  /** One audit column: its item and, when the run has the variable, the expression reading it. */
  record Audited(String name, AuditItem item, DataType type, Expression variable) {}

  @Override
  public List<Problem> problems(Map<String, Object> settings, StructureCheck.Written written) {
    return SettingProblems.of(
        name(),
        settings,
        written,
        s -> {
          for (Settings c : s.list("columns")) {
            item(c);
          }
        });
  }

  private static AuditItem item(Settings c) {
    String written = c.string("item");
    return AuditItem.parse(written)
        .orElseThrow(
            () ->
                new PlanningException(
                    "column '"
                        + c.string("name", "?")
                        + "': audit item '"
                        + written
                        + "' is unknown; use one of "
                        + AuditItem.names()));
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    RowSchema input = context.input(0);
    List<Settings> columns = spec.settings().list("columns");
    if (columns.isEmpty()) {
      throw new PlanningException("an Audit needs 'columns' (name, item)");
    }
    List<Column> added = new ArrayList<>();
    List<Audited> audited = new ArrayList<>();
    ExpressionScope scope = context.environment().variableScope();
    for (Settings c : columns) {
      String name = c.string("name");
      AuditItem item = item(c);
      DataType type = item.type;
      if (c.has("type")) {
        type = DataTypes.parse(c.string("type"), "column '" + name + "'");
        if (!ValueConverter.canConvert(item.type.kind(), type.kind())) {
          throw new PlanningException(
              "column '" + name + "': " + item.written + " is " + item.type + ", not " + type);
        }
      }
      added.add(new Column(name, type));
      boolean known = scope.resolve(Reference.variable("System", item.variable)).isPresent();
      Expression variable =
          known
              ? context.compile(
                  "@[System::" + item.variable + "]", RowSchema.of(List.of()), "column " + name)
              : null;
      audited.add(new Audited(name, item, type, variable));
    }
    RowSchema output = input.plus(added);
    return PlannedComponent.of(
        List.of(new OutputPlan("Output", output)),
        io -> {
          Object[] values = values(audited, io.environment(), io::warning);
          Object[][] shared = new Object[values.length][];
          Buffer buffer;
          while ((buffer = io.take(0)) != null) {
            Object[][] in = buffer.columns();
            Object[][] out = new Object[in.length + values.length][];
            System.arraycopy(in, 0, out, 0, in.length);
            for (int i = 0; i < values.length; i++) {
              // the values never change during a run: buffers of one length share one array
              if (shared[i] == null || shared[i].length != buffer.rowCount()) {
                shared[i] = new Object[buffer.rowCount()];
                java.util.Arrays.fill(shared[i], values[i]);
              }
              out[in.length + i] = shared[i];
            }
            io.send(0, buffer.withColumns(out));
          }
        });
  }

  private static Object[] values(
      List<Audited> audited,
      DataFlowEnvironment environment,
      java.util.function.Consumer<String> warning) {
    RowCursor cursor = new RowCursor(environment.variableValues(), environment.clock());
    Object[] values = new Object[audited.size()];
    for (int i = 0; i < values.length; i++) {
      Audited a = audited.get(i);
      if (a.variable() == null) {
        Object known = fallback(a.item(), environment);
        values[i] = known == null ? null : ValueConverter.convert(known, a.item().type, a.type());
        if (values[i] == null) {
          warning.accept(
              "column '"
                  + a.name()
                  + "': the run has no System::"
                  + a.item().variable
                  + ", so it is NULL");
        }
        continue;
      }
      Object v = a.variable().evaluate(cursor);
      values[i] = v == null ? null : ValueConverter.convert(v, a.variable().resultType(), a.type());
    }
    return values;
  }

  /** What a flow run outside a package (tests, embedding) still knows. */
  private static Object fallback(AuditItem item, DataFlowEnvironment environment) {
    return switch (item) {
      case PACKAGE_NAME -> environment.packageName();
      case TASK_NAME -> {
        String path = environment.executionPath();
        yield path == null ? null : path.substring(path.lastIndexOf('\\') + 1);
      }
      default -> null;
    };
  }
}
