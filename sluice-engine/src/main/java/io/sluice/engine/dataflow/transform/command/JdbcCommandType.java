package io.sluice.engine.dataflow.transform.command;

import io.sluice.engine.dataflow.JdbcConnector;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code JdbcCommand} (SSIS's OLE DB Command): runs a parameterised statement for every input row,
 * the {@code ?} marks bound in order to the input columns {@code parameters} names (SSIS's Param_0,
 * Param_1, ...). Rows pass through to {@code Output}; rows the database refuses go to {@code Error}
 * when redirected.
 *
 * <p>SSIS runs the statement one row at a time. Here rows are sent in JDBC batches of {@code
 * batchSize} (one round trip per batch instead of per row; the measurement is in
 * docs/data-flow.md), each batch its own transaction. A refused batch is rolled back and run again
 * row by row to find the rows the database refuses, so redirect and ignore see exactly SSIS's rows.
 */
public final class JdbcCommandType extends SimpleComponentType {

  static final int DEFAULT_BATCH_SIZE = 1000;

  public JdbcCommandType() {
    super("JdbcCommand", 1);
  }

  /** What the runtime needs: where, what, which input column feeds each {@code ?}. */
  record Command(
      JdbcConnector connector,
      String statement,
      int[] parameterColumns,
      int batchSize,
      int timeoutSeconds,
      ErrorDisposition onError) {}

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of(
        "connection", "statement", "parameters", "batchSize", "timeout", "onError");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    Settings s = spec.settings();
    String connectionName = s.string("connection");
    JdbcConnector connector = context.environment().requireJdbc(connectionName);
    String statement = s.string("statement");
    RowSchema input = context.input(0);
    List<Integer> columns = new ArrayList<>();
    for (String column : s.strings("parameters")) {
      columns.add(input.indexOf(column));
    }
    long batchSize = s.number("batchSize", DEFAULT_BATCH_SIZE);
    if (batchSize < 1 || batchSize > 100_000) {
      throw new PlanningException(
          "batchSize must be between 1 and 100000 rows, not " + batchSize + "; 1 = row by row");
    }
    long timeout = s.number("timeout", 0);
    if (timeout < 0 || timeout > Integer.MAX_VALUE) {
      throw new PlanningException("timeout is in seconds, 0 = none; not " + timeout);
    }
    checkStatement(connector, statement, columns.size());
    Command command =
        new Command(
            connector,
            statement,
            columns.stream().mapToInt(Integer::intValue).toArray(),
            (int) batchSize,
            (int) timeout,
            ErrorDisposition.parse(s.string("onError", null)));
    return PlannedComponent.of(
        List.of(
            new OutputPlan("Output", input), new OutputPlan("Error", RowErrors.errorSchema(input))),
        new JdbcCommand(command));
  }

  /**
   * Has the database parse the statement (SSIS's validation does the same through the provider): a
   * missing table or a syntax error, and a number of {@code ?} marks that differs from the
   * parameters, are found before any row moves.
   */
  private static void checkStatement(JdbcConnector connector, String statement, int parameters) {
    int marks;
    try (Connection connection = connector.open();
        PreparedStatement prepared = connection.prepareStatement(statement)) {
      marks = prepared.getParameterMetaData().getParameterCount();
    } catch (SQLException e) {
      throw new PlanningException("the database refuses the statement: " + e.getMessage(), e);
    }
    if (marks != parameters) {
      throw new PlanningException(
          "the statement has "
              + marks
              + " parameter mark(s) '?' but 'parameters' names "
              + parameters
              + " input column(s); list one input column per '?', in order (Param_0, Param_1, ...)");
    }
  }
}
