package io.sluice.engine.dataflow.destination.jdbc;

import io.sluice.engine.dataflow.JdbcConnector;
import io.sluice.engine.dataflow.jdbc.TableName;
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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code JdbcDestination}: inserts rows into a table. On PostgreSQL with {@code fastLoad} (the
 * default) it streams them through COPY; otherwise, or when rows must be redirected one by one, it
 * uses batched INSERTs. Output: {@code Error} (rows the database refused, when redirected).
 */
public final class JdbcDestinationType extends SimpleComponentType {

  public JdbcDestinationType() {
    super("JdbcDestination", 1);
  }

  /** How the runtime loads: the table, the columns, and which input column feeds each. */
  record Load(
      JdbcConnector connector,
      TableName table,
      List<String> tableColumns,
      int[] inputColumns,
      boolean fastLoad,
      int batchSize,
      long commitSize,
      boolean tableLock,
      ErrorDisposition onError,
      List<BinaryCopyEncoder.Field> binaryFields) {}

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of(
        "connection",
        "table",
        "mappings",
        "fastLoad",
        "batchSize",
        "commitSize",
        "tableLock",
        "onError");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    Settings s = spec.settings();
    String connectionName = s.string("connection");
    JdbcConnector connector = context.environment().requireJdbc(connectionName);
    TableName written = TableName.parse(s.string("table"));
    TableName table;
    RowSchema input = context.input(0);
    List<TableColumns.TableColumn> existing;
    boolean postgres;
    try (Connection connection = connector.open()) {
      TableColumns.Found found = TableColumns.of(connection, written);
      table = found.table();
      existing = found.columns();
      postgres = connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
    } catch (SQLException e) {
      throw new PlanningException("cannot read table '" + written + "': " + e.getMessage(), e);
    }
    List<TableColumns.TableColumn> tableColumns = new ArrayList<>();
    List<Integer> inputColumns = new ArrayList<>();
    Settings mappings = s.map("mappings");
    if (mappings.asMap().isEmpty()) {
      for (int i = 0; i < input.width(); i++) {
        Optional<TableColumns.TableColumn> match = find(existing, input.column(i).name());
        if (match.isPresent()) {
          tableColumns.add(match.get());
          inputColumns.add(i);
        }
      }
    } else {
      for (Map.Entry<String, Object> m : mappings.asMap().entrySet()) {
        TableColumns.TableColumn column =
            find(existing, m.getKey())
                .orElseThrow(
                    () ->
                        new PlanningException(
                            "table '"
                                + table
                                + "' has no column '"
                                + m.getKey()
                                + "'; it has "
                                + existing));
        tableColumns.add(column);
        inputColumns.add(input.indexOf(String.valueOf(m.getValue())));
      }
    }
    if (tableColumns.isEmpty()) {
      throw new PlanningException(
          "no input column matches a column of '"
              + table
              + "'; add 'mappings' (table column: input column)");
    }
    ErrorDisposition onError = ErrorDisposition.parse(s.string("onError", null));
    boolean fastLoad = s.bool("fastLoad", true);
    if (fastLoad && !postgres) {
      fastLoad = false; // COPY is PostgreSQL's; other databases get batched inserts
    }
    Load load =
        new Load(
            connector,
            table,
            tableColumns.stream().map(TableColumns.TableColumn::name).toList(),
            inputColumns.stream().mapToInt(Integer::intValue).toArray(),
            fastLoad && onError == ErrorDisposition.FAIL,
            (int) s.number("batchSize", 1000),
            s.number("commitSize", 0),
            s.bool("tableLock", false),
            onError,
            binaryFields(tableColumns, inputColumns, input));
    return PlannedComponent.of(
        List.of(new OutputPlan("Error", RowErrors.errorSchema(input))), new JdbcDestination(load));
  }

  private static Optional<TableColumns.TableColumn> find(
      List<TableColumns.TableColumn> columns, String name) {
    return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
  }

  /** Binary COPY when every column has a binary form for its input type; else empty (text). */
  private static List<BinaryCopyEncoder.Field> binaryFields(
      List<TableColumns.TableColumn> columns, List<Integer> inputs, RowSchema input) {
    List<BinaryCopyEncoder.Field> fields = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Optional<BinaryCopyEncoder.Field> field =
          BinaryCopyEncoder.field(columns.get(i).typeName(), input.column(inputs.get(i)).type());
      if (field.isEmpty()) {
        return List.of();
      }
      fields.add(field.get());
    }
    return List.copyOf(fields);
  }
}
