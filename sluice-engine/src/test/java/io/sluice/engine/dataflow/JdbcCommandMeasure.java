package io.sluice.engine.dataflow;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * Not part of the suite: measures JdbcCommand's rows/s on 100k rows against an embedded PostgreSQL,
 * an {@code UPDATE ... WHERE id = ?} per row, for each batch size given (default 1000 and 1). Run:
 * {@code java -cp <test classpath> io.sluice.engine.dataflow.JdbcCommandMeasure 1000 100 1}.
 */
public final class JdbcCommandMeasure {

  private static final int ROWS = 100_000;

  public static void main(String[] args) throws Exception {
    String[] sizes = args.length == 0 ? new String[] {"1000", "1"} : args;
    Path temp = Files.createTempDirectory("jdbc-command-measure");
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= ROWS; i++) {
      lines.append(i).append('|').append(i % 97).append('\n');
    }
    Path file = Flows.file(temp, "rows.txt", lines.toString(), StandardCharsets.UTF_8);
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      DataSource ds = postgres.getPostgresDatabase();
      for (String size : sizes) {
        Postgres.execute(
            ds,
            "DROP TABLE IF EXISTS account",
            "CREATE TABLE account (id int PRIMARY KEY, balance bigint)",
            "INSERT INTO account SELECT g, 1000 FROM generate_series(1, " + ROWS + ") g",
            "VACUUM ANALYZE account");
        SimpleDataFlowEnvironment env =
            Flows.environment(temp)
                .jdbc("db", ds::getConnection)
                .flatFile(
                    "rows",
                    file,
                    Flows.settings(
                        """
                        delimiter: '|'
                        columns:
                          - {name: id, type: DT_I4}
                          - {name: amount, type: DT_I8}
                        """))
                .build();
        String flow =
            """
            components:
              - {name: Read, type: FlatFileSource, connection: rows}
              - name: Update
                type: JdbcCommand
                input: Read
                connection: db
                statement: UPDATE account SET balance = balance - ? WHERE id = ?
                parameters: [amount, id]
                batchSize: SIZE
            """
                .replace("SIZE", size);
        long start = System.nanoTime();
        Flows.runOk(flow, env);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            "RESULT batchSize=%s rows=%d seconds=%.2f rowsPerSecond=%.0f%n",
            size, ROWS, seconds, ROWS / seconds);
      }
    }
  }
}
