package io.sluice.engine.dataflow.transform.lookup;

import io.sluice.engine.dataflow.JdbcConnector;
import io.sluice.engine.dataflow.cache.CacheConnection;
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
import java.util.Optional;

/**
 * {@code Lookup}: adds the columns of a reference query's row to every row whose join columns
 * match, from a full cache loaded once or, with {@code cacheMode: partial | none}, by asking the
 * database for the keys the rows carry. Outputs {@code Match}, {@code NoMatch} and {@code Error}.
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

  /** SSIS's CacheType: Full, Partial, No cache. */
  enum CacheMode {
    FULL,
    PARTIAL,
    NONE;

    static CacheMode parse(String text) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "full" -> FULL;
        case "partial" -> PARTIAL;
        case "none" -> NONE;
        default ->
            throw new PlanningException(
                "cacheMode '" + text + "' is unknown; use full, partial or none");
      };
    }
  }

  /** SSIS's default cache size of a partial cache (MaxMemoryUsage), 25 MB. */
  static final long DEFAULT_CACHE_MB = 25;

  /** The checked lookup: query, join columns on both sides, returned columns. */
  record Plan(
      JdbcConnector connector,
      String sql,
      RowSchema reference,
      int[] inputKeys,
      int[] referenceKeys,
      int[] returned,
      NoMatch noMatch,
      int width,
      CacheMode cacheMode,
      long cacheBytes,
      boolean missCache,
      CacheConnection cache) {}

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of(
            "connection",
            "query",
            "table",
            "joins",
            "noMatch",
            "cacheMode",
            "cacheSizeMb",
            "missCache")
        .withItems("columns", "reference", "output");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    Settings s = spec.settings();
    String connectionName = s.string("connection");
    Optional<CacheConnection> cache = context.environment().cache(connectionName);
    if (cache.isPresent()) {
      return CacheLookup.plan(s, cache.get(), context.input(0));
    }
    JdbcConnector connector =
        context
            .environment()
            .jdbc(connectionName)
            .orElseThrow(
                () ->
                    new PlanningException(
                        "connection '" + connectionName + "' is not a JDBC or cache connection"));
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
    return plan(s, input, reference, inputKeys, referenceKeys, connector, sql, null);
  }

  /** The returned columns, outputs and modes, the same for a query and a cache connection. */
  static PlannedComponent plan(
      Settings s,
      RowSchema input,
      RowSchema reference,
      int[] inputKeys,
      int[] referenceKeys,
      JdbcConnector connector,
      String sql,
      CacheConnection cacheConnection) {
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
    CacheMode cacheMode = CacheMode.parse(s.string("cacheMode", "full"));
    if (cacheMode != CacheMode.PARTIAL && (s.has("cacheSizeMb") || s.has("missCache"))) {
      throw new PlanningException(
          "cacheSizeMb and missCache are settings of a partial cache; add cacheMode: partial or"
              + " remove them");
    }
    long cacheBytes = cacheBytes(s);
    Plan plan =
        new Plan(
            connector,
            sql,
            reference,
            inputKeys,
            referenceKeys,
            returned.stream().mapToInt(Integer::intValue).toArray(),
            noMatch,
            matched.width(),
            cacheMode,
            cacheBytes,
            s.bool("missCache", false),
            cacheConnection);
    return PlannedComponent.of(
        List.of(
            new OutputPlan("Match", matched),
            new OutputPlan("NoMatch", input),
            new OutputPlan("Error", RowErrors.errorSchema(input))),
        new Lookup(plan, input));
  }

  /** {@code cacheSizeMb} in bytes; a fraction of a megabyte is allowed (tests, tiny caches). */
  private static long cacheBytes(Settings s) {
    if (!s.has("cacheSizeMb")) {
      return DEFAULT_CACHE_MB << 20;
    }
    Object raw = s.raw("cacheSizeMb");
    double mb;
    try {
      mb = raw instanceof Number n ? n.doubleValue() : Double.parseDouble(raw.toString().trim());
    } catch (NumberFormatException e) {
      mb = -1;
    }
    if (!(mb > 0) || mb > 1 << 20) {
      throw new PlanningException(
          "cacheSizeMb '"
              + raw
              + "' is not a size; give megabytes above 0, e.g. 25 (SSIS's default)");
    }
    return Math.max(1, (long) (mb * (1 << 20)));
  }

  static int reference(RowSchema reference, String name) {
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
