package io.sluice.engine.dataflow;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Not part of the suite: measures the SlowlyChangingDimension's rows/s against an embedded
 * PostgreSQL: a 100,000-member dimension (current flag), 1,000,000 incoming rows read by a
 * JdbcSource (each member ten times), 10% of them changed (5% a changing attribute, 5% a historical
 * one), every output discarded; and the same source into a DiscardDestination alone, to tell the
 * component's share. bench/dataflow runs it as part (f) and takes the PARTS line's medians; alone:
 * {@code java -cp <test classpath> io.sluice.engine.dataflow.SlowlyChangingDimensionMeasure
 * [runs]}.
 */
public final class SlowlyChangingDimensionMeasure {

  private static final int MEMBERS = 100_000;
  private static final int ROWS = 1_000_000;

  private static final String SOURCE =
      """
      components:
        - name: Read
          type: JdbcSource
          connection: db
          query: >-
            SELECT g %% %1$d + 1 AS customer_id,
              (CASE WHEN g %% 20 = 0 THEN 'changed' ELSE 'name' || (g %% %1$d + 1) END)::varchar(50) AS name,
              (CASE WHEN g %% 20 = 10 THEN 'moved' ELSE 'city' END)::varchar(50) AS city
            FROM generate_series(1, %2$d) g
      """
          .formatted(MEMBERS, ROWS);

  private static final String SCD =
      SOURCE
          + """
            - name: Scd
              type: SlowlyChangingDimension
              input: Read
              connection: db
              table: dim_customer
              businessKey: [customer_id]
              columns: {name: changing, city: historical}
              historicalBy: {currentFlag: {column: is_current, current: true, expired: false}}
            - {name: N, type: DiscardDestination, input: {from: Scd, output: New}}
            - {name: C, type: DiscardDestination, input: {from: Scd, output: Changing}}
            - {name: H, type: DiscardDestination, input: {from: Scd, output: Historical}}
            - {name: U, type: DiscardDestination, input: {from: Scd, output: Unchanged}}
          """;

  private static final String SOURCE_ONLY =
      SOURCE + "  - {name: D, type: DiscardDestination, input: Read}\n";

  public static void main(String[] args) throws Exception {
    int runs = args.length == 0 ? 3 : Integer.parseInt(args[0]);
    Path temp = Files.createTempDirectory("scd-measure");
    List<Double> scd = new ArrayList<>();
    List<Double> sourceOnly = new ArrayList<>();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      DataSource ds = postgres.getPostgresDatabase();
      SimpleDataFlowEnvironment env = Flows.environment(temp).jdbc("db", ds::getConnection).build();
      for (int run = 1; run <= runs; run++) {
        // A fresh dimension each run: a run's type 2 changes add rows, so the runs after it would
        // otherwise measure a different (bigger) dimension.
        createDimension(ds);
        sourceOnly.add(measure("source-only", SOURCE_ONLY, env).rowsPerSecond());
        Measured measured = measure("scd", SCD, env);
        scd.add(measured.rowsPerSecond());
        DataFlowResult result = measured.result();
        System.out.printf(
            "  new=%d changing=%d historical=%d unchanged=%d%n",
            result.rows("Scd.New -> N"),
            result.rows("Scd.Changing -> C"),
            result.rows("Scd.Historical -> H"),
            result.rows("Scd.Unchanged -> U"));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "PARTS scd_rows_per_s=%.0f scd_source_only_rows_per_s=%.0f%n",
        median(scd),
        median(sourceOnly));
  }

  private static void createDimension(DataSource ds) throws Exception {
    Postgres.execute(
        ds,
        "DROP TABLE IF EXISTS dim_customer",
        "CREATE TABLE dim_customer (sk serial PRIMARY KEY, customer_id int,"
            + " name varchar(50), city varchar(50), is_current boolean)",
        "INSERT INTO dim_customer (customer_id, name, city, is_current)"
            + " SELECT g, 'name' || g, 'city', true FROM generate_series(1, "
            + MEMBERS
            + ") g",
        "VACUUM ANALYZE dim_customer");
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private record Measured(DataFlowResult result, double rowsPerSecond) {}

  private static Measured measure(String what, String flow, SimpleDataFlowEnvironment env) {
    long start = System.nanoTime();
    DataFlowResult result = Flows.runOk(flow, env);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%s dimension=%d rows=%d seconds=%.2f rowsPerSecond=%.0f%n",
        what,
        MEMBERS,
        ROWS,
        seconds,
        ROWS / seconds);
    return new Measured(result, ROWS / seconds);
  }
}
