package io.sluice.engine.dataflow.transform.scd;

import io.sluice.engine.dataflow.JdbcConnector;
import io.sluice.engine.dataflow.destination.jdbc.TableColumns;
import io.sluice.engine.dataflow.jdbc.QueryColumns;
import io.sluice.engine.dataflow.jdbc.TableName;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import io.sluice.engine.dataflow.transform.SettingProblems;
import io.sluice.engine.project.Problem;
import io.sluice.engine.project.StructureCheck;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.ValueConverter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code SlowlyChangingDimension} (SSIS's Slowly Changing Dimension transformation): looks every
 * input row up by its business key among the dimension table's current rows and routes it by what
 * changed, to SSIS's outputs {@code New}, {@code Changing}, {@code Historical}, {@code Fixed},
 * {@code Inferred} and {@code Unchanged}. Like SSIS it only classifies; the updates and inserts are
 * the components the user wires to its outputs (what SSIS's wizard generates).
 */
public final class SlowlyChangingDimensionType extends SimpleComponentType {

  /** Output numbers, in the order of {@link #OUTPUTS}. */
  static final int NEW = 0;

  static final int CHANGING = 1;
  static final int HISTORICAL = 2;
  static final int FIXED = 3;
  static final int INFERRED = 4;
  static final int UNCHANGED = 5;
  static final List<String> OUTPUTS =
      List.of("New", "Changing", "Historical", "Fixed", "Inferred", "Unchanged");

  public SlowlyChangingDimensionType() {
    super("SlowlyChangingDimension", 1);
  }

  /**
   * The checked component.
   *
   * @param inputKeys input column of each business-key column
   * @param dimensionKeys the same columns in the dimension's {@code SELECT *}
   * @param compared input columns with a change type
   * @param dimensionCompared the same columns in the dimension
   * @param changeTypes change type of each compared column
   * @param marker the dimension's current-flag or end-date column, -1 without history
   * @param indicator the dimension's inferred-member indicator column, -1 without one
   */
  record Plan(
      JdbcConnector connector,
      String sql,
      RowSchema dimension,
      RowSchema input,
      ScdSettings settings,
      int[] inputKeys,
      int[] dimensionKeys,
      int[] compared,
      int[] dimensionCompared,
      ScdSettings.ChangeType[] changeTypes,
      int marker,
      int indicator) {}

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of(
        "connection",
        "table",
        "businessKey",
        "columns",
        "historicalBy",
        "updateAllMatchingRecords",
        "fixedAttributeChange",
        "inferredMembers");
  }

  @Override
  public List<Problem> problems(Map<String, Object> settings, StructureCheck.Written written) {
    return SettingProblems.of(name(), settings, written, ScdSettings::read);
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    String connectionName = spec.settings().string("connection");
    JdbcConnector connector = context.environment().requireJdbc(connectionName);
    ScdSettings s = ScdSettings.read(spec.settings());
    String sql;
    RowSchema dimension;
    try (Connection connection = connector.open()) {
      // named as the database has it: an unquoted DimEmployee in PostgreSQL is dimemployee
      TableName table = TableColumns.of(connection, TableName.parse(s.table())).table();
      sql = "SELECT * FROM " + table.quoted();
      dimension = RowSchema.of(QueryColumns.of(connection, sql));
    } catch (SQLException | PlanningException e) {
      throw new PlanningException(
          "the dimension table '" + s.table() + "' cannot be read: " + e.getMessage(), e);
    }
    RowSchema input = context.input(0);
    int[] inputKeys = new int[s.businessKey().size()];
    int[] dimensionKeys = new int[inputKeys.length];
    for (int k = 0; k < inputKeys.length; k++) {
      String column = s.businessKey().get(k);
      inputKeys[k] = input.indexOf(column);
      dimensionKeys[k] = matching(dimension, input, inputKeys[k], s.table());
    }
    List<Integer> compared = new ArrayList<>();
    List<Integer> dimensionCompared = new ArrayList<>();
    List<ScdSettings.ChangeType> types = new ArrayList<>();
    for (Map.Entry<String, ScdSettings.ChangeType> c : s.columns().entrySet()) {
      int in = input.indexOf(c.getKey());
      compared.add(in);
      dimensionCompared.add(matching(dimension, input, in, s.table()));
      types.add(c.getValue());
    }
    int marker =
        s.history() == null ? -1 : column(dimension, s.history().marker(), s.table(), "current");
    if (s.history() != null && s.history().startDate() != null) {
      column(dimension, s.history().startDate(), s.table(), "start-date");
    }
    int indicator = -1;
    if (s.inferred() != null && s.inferred().indicator() != null) {
      indicator = column(dimension, s.inferred().indicator(), s.table(), "inferred-member");
    }
    Plan plan =
        new Plan(
            connector,
            sql,
            dimension,
            input,
            s,
            inputKeys,
            dimensionKeys,
            compared.stream().mapToInt(Integer::intValue).toArray(),
            dimensionCompared.stream().mapToInt(Integer::intValue).toArray(),
            types.toArray(new ScdSettings.ChangeType[0]),
            marker,
            indicator);
    List<OutputPlan> outputs = new ArrayList<>();
    for (String output : OUTPUTS) {
      outputs.add(new OutputPlan(output, input)); // as in SSIS, every output carries the input
    }
    return PlannedComponent.of(outputs, new SlowlyChangingDimension(plan));
  }

  /** The dimension column an input column is compared with: the one of the same name. */
  private static int matching(RowSchema dimension, RowSchema input, int in, String table) {
    String name = input.column(in).name();
    int d = column(dimension, name, table, "input");
    DataType from = dimension.column(d).type();
    DataType to = input.column(in).type();
    if (!ValueConverter.canConvert(from.kind(), to.kind())) {
      throw new PlanningException(
          "input column '"
              + name
              + "' is "
              + to
              + " but the dimension's column is "
              + from
              + "; convert it first (DataConversion)");
    }
    return d;
  }

  private static int column(RowSchema dimension, String name, String table, String what) {
    return dimension
        .find(name)
        .orElseThrow(
            () ->
                new PlanningException(
                    "the dimension table '"
                        + table
                        + "' has no "
                        + what
                        + " column '"
                        + name
                        + "'; it has "
                        + dimension.names()));
  }
}
