package io.sluice.engine.dataflow.transform.lookup;

import io.sluice.engine.dataflow.JdbcConnector;
import io.sluice.engine.dataflow.jdbc.QueryColumns;
import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import io.sluice.engine.type.ValueConverter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code Lookup} (full cache): loads a reference query once, then adds its columns to every row
 * whose join columns match. Outputs {@code Match}, {@code NoMatch} and {@code Error}.
 */
public final class LookupType extends SimpleComponentType {

  public LookupType() {
    super("Lookup", 1);
  }

  /**
   * What to do with a row without a match, as SSIS's "Specify how to handle rows with no matching
   * entries".
   */
  enum NoMatch {
    FAIL,
    IGNORE,
    REDIRECT,
    ERROR;

    static NoMatch parse(String text) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "fail" -> FAIL;
        case "ignore" -> IGNORE;
        case "redirect" -> REDIRECT;
        case "error" -> ERROR;
        default ->
            throw new PlanningException(
                "noMatch '"
                    + text
                    + "' is unknown; use fail, ignore, redirect (NoMatch output) or"
                    + " error (Error output)");
      };
    }
  }

  /** The checked lookup: query, join columns on both sides, returned columns. */
  record Plan(
      JdbcConnector connector,
      String sql,
      RowSchema reference,
      int[] inputKeys,
      int[] referenceKeys,
      int[] returned,
      NoMatch noMatch,
      int width) {}

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of("connection", "query", "table", "joins", "noMatch")
        .withItems("columns", "reference", "output");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    Settings s = spec.settings();
    String connectionName = s.string("connection");
    JdbcConnector connector =
        context
            .environment()
            .jdbc(connectionName)
            .orElseThrow(
                () ->
                    new PlanningException(
                        "connection '" + connectionName + "' is not a JDBC connection"));
    String sql = s.has("query") ? s.string("query") : QueryColumns.selectAll(s.string("table"));
    RowSchema reference;
    try (Connection connection = connector.open()) {
      reference = RowSchema.of(QueryColumns.of(connection, sql));
    } catch (SQLException e) {
      throw new PlanningException("the reference query does not run: " + e.getMessage(), e);
    }
    RowSchema input = context.input(0);
    Map<String, Object> joins = s.map("joins").asMap();
    if (joins.isEmpty()) {
      throw new PlanningException("a Lookup needs 'joins' (input column: reference column)");
    }
    int[] inputKeys = new int[joins.size()];
    int[] referenceKeys = new int[joins.size()];
    int k = 0;
    for (Map.Entry<String, Object> join : joins.entrySet()) {
      int in = input.indexOf(join.getKey());
      int ref = reference(reference, String.valueOf(join.getValue()));
      if (!ValueConverter.canConvert(
          reference.column(ref).type().kind(), input.column(in).type().kind())) {
        throw new PlanningException(
            "join column '"
                + join.getKey()
                + "' is "
                + input.column(in).type()
                + " but reference column '"
                + join.getValue()
                + "' is "
                + reference.column(ref).type());
      }
      inputKeys[k] = in;
      referenceKeys[k++] = ref;
    }
    List<Column> added = new ArrayList<>();
    List<Integer> returned = new ArrayList<>();
    for (Settings c : s.list("columns")) {
      int ref = reference(reference, c.string("reference"));
      returned.add(ref);
      added.add(
          new Column(
              c.string("output", reference.column(ref).name()), reference.column(ref).type()));
    }
    RowSchema matched = input.plus(added);
    NoMatch noMatch = NoMatch.parse(s.string("noMatch", "fail"));
    Plan plan =
        new Plan(
            connector,
            sql,
            reference,
            inputKeys,
            referenceKeys,
            returned.stream().mapToInt(Integer::intValue).toArray(),
            noMatch,
            matched.width());
    return PlannedComponent.of(
        List.of(
            new OutputPlan("Match", matched),
            new OutputPlan("NoMatch", input),
            new OutputPlan("Error", RowErrors.errorSchema(input))),
        new Lookup(plan, input));
  }

  private static int reference(RowSchema reference, String name) {
    return reference
        .find(name)
        .orElseThrow(
            () ->
                new PlanningException(
                    "the reference query has no column '"
                        + name
                        + "'; it has "
                        + reference.names()));
  }
}
