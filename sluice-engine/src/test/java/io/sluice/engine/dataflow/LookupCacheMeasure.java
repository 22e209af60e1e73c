package io.sluice.engine.dataflow;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Not part of the suite: rows/s of the currency-rates flow (every Currency_*.txt of the tutorial,
 * both Lookups, a JDBC destination) for each cache mode, against an embedded PostgreSQL. Run:
 * {@code java -cp <test classpath> io.sluice.engine.dataflow.LookupCacheMeasure [runs]}.
 */
public final class LookupCacheMeasure {

  public static void main(String[] args) throws Exception {
    int runs = args.length == 0 ? 5 : Integer.parseInt(args[0]);
    Path temp = Files.createTempDirectory("lookup-cache-measure");
    List<Path> files;
    try (Stream<Path> all = Files.list(CurrencyRatesEndToEndTest.DATA)) {
      files =
          all.filter(f -> f.getFileName().toString().matches("Currency_[A-Z]{3}\\.txt"))
              .filter(f -> !f.getFileName().toString().equals("Currency_BAD.txt"))
              .sorted()
              .toList();
    }
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      DataSource ds = postgres.getPostgresDatabase();
      CurrencyRatesEndToEndTest.loadDimensions(ds);
      Postgres.execute(
          ds,
          "CREATE TABLE factcurrencyrate (averagerate float8, currencykey int NOT NULL,"
              + " datekey int NOT NULL, endofdayrate float8)");
      SimpleDataFlowEnvironment.Builder env =
          Flows.environment(temp).jdbc("warehouse", ds::getConnection);
      StringBuilder sources = new StringBuilder("components:\n");
      StringBuilder names = new StringBuilder();
      for (Path f : files) {
        String name = f.getFileName().toString().substring(9, 12);
        env.flatFile(
            name,
            f,
            Flows.settings(
                """
                delimiter: '\\t'
                codePage: 1252
                columns:
                  - {name: AverageRate, type: DT_R8}
                  - {name: CurrencyID, type: 'DT_WSTR,3'}
                  - {name: CurrencyDate, type: DT_DBTIMESTAMP}
                  - {name: EndOfDayRate, type: DT_R8}
                """));
        sources.append("  - {name: ").append(name).append(", type: FlatFileSource, connection: ");
        sources.append(name).append("}\n");
        names.append(names.length() == 0 ? "" : ", ").append(name);
      }
      SimpleDataFlowEnvironment built = env.build();
      for (String mode : List.of("full", "partial", "none")) {
        String flow =
            sources
                + """
                  - {name: All files, type: UnionAll, inputs: [NAMES]}
                  - name: Lookup Currency Key
                    type: Lookup
                    input: All files
                    connection: warehouse
                    query: SELECT currencykey, currencyalternatekey FROM dimcurrency
                    joins: {CurrencyID: currencyalternatekey}
                    columns: [{reference: currencykey, output: CurrencyKey}]
                    cacheMode: MODE
                  - name: Lookup Date Key
                    type: Lookup
                    input: {from: Lookup Currency Key, output: Match}
                    connection: warehouse
                    table: dimdate
                    joins: {CurrencyDate: fulldatealternatekey}
                    columns: [{reference: datekey, output: DateKey}]
                    cacheMode: MODE
                  - name: Load
                    type: JdbcDestination
                    input: {from: Lookup Date Key, output: Match}
                    connection: warehouse
                    table: factcurrencyrate
                """
                    .replace("NAMES", names)
                    .replace("MODE", mode);
        for (int run = 0; run < runs; run++) {
          Postgres.execute(ds, "TRUNCATE factcurrencyrate");
          long start = System.nanoTime();
          DataFlowResult result = Flows.runOk(flow, built);
          double seconds = (System.nanoTime() - start) / 1e9;
          long rows = result.rows("Lookup Date Key.Match -> Load");
          System.out.printf(
              "RESULT cacheMode=%s run=%d rows=%d seconds=%.3f rowsPerSecond=%.0f%n",
              mode, run + 1, rows, seconds, rows / seconds);
        }
      }
    }
  }
}
