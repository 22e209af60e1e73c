package io.sluice.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.dataflow.pipeline.ErrorCodes;
import io.sluice.engine.type.DataType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSIS tutorial's lesson 2 and 4 on its real data: currency rate files, lookups into
 * DimCurrency and DimDate loaded into PostgreSQL, a FactCurrencyRate table; the Lookup also covers
 * its no-match and error outputs here, and the JDBC source its query parameters.
 */
class CurrencyRatesEndToEndTest {

  // The repository ships the tutorial's files; tests run in the module folder.
  static final Path DATA = Path.of("..", "datasets", "ssis-tutorial").toAbsolutePath().normalize();

  static EmbeddedPostgres postgres;
  static DataSource ds;

  @TempDir Path temp;
  private SimpleDataFlowEnvironment env;

  @BeforeAll
  static void warehouse() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    ds = postgres.getPostgresDatabase();
    loadDimensions(ds);
  }

  /** DimCurrency and DimDate of the tutorial, loaded from the repository's files. */
  static void loadDimensions(DataSource ds) throws Exception {
    StringBuilder dimDate =
        new StringBuilder("CREATE TABLE dimdate (datekey int, fulldatealternatekey date");
    for (int i = 3; i <= 19; i++) {
      dimDate.append(", c").append(i).append(" text");
    }
    Postgres.execute(
        ds,
        "CREATE TABLE dimcurrency (currencykey int, currencyalternatekey char(3), currencyname text)",
        "COPY dimcurrency FROM '"
            + DATA.resolve("DimCurrency.csv")
            + "' WITH (FORMAT csv, DELIMITER '|', ENCODING 'UTF8')",
        dimDate.append(")").toString(),
        "COPY dimdate FROM '"
            + DATA.resolve("DimDate.csv")
            + "' WITH (FORMAT csv, DELIMITER '|', ENCODING 'UTF8')");
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void fact() throws Exception {
    Postgres.execute(
        ds,
        "DROP TABLE IF EXISTS factcurrencyrate",
        """
        CREATE TABLE factcurrencyrate (
          averagerate float8, currencykey int NOT NULL, datekey int NOT NULL, endofdayrate float8)
        """);
    Map<String, Object> rates =
        Flows.settings(
            """
            delimiter: '\\t'
            codePage: 1252
            columns:
              - {name: AverageRate, type: DT_R8}
              - {name: CurrencyID, type: 'DT_WSTR,3'}
              - {name: CurrencyDate, type: DT_DBTIMESTAMP}
              - {name: EndOfDayRate, type: DT_R8}
            """);
    env =
        Flows.environment(temp)
            .jdbc("warehouse", ds::getConnection)
            .flatFile("ars", DATA.resolve("Currency_ARS.txt"), rates)
            .flatFile("jpy", DATA.resolve("Currency_JPY.txt"), rates)
            .flatFile("bad", DATA.resolve("Currency_BAD.txt"), rates)
            .variable("User::Since", DataType.DBDATE, java.time.LocalDate.of(2005, 7, 1))
            .variable(
                "User::Sql",
                DataType.wstr(200),
                "SELECT currencyalternatekey FROM dimcurrency WHERE currencykey < ?")
            .build();
  }

  private static String flow(String noMatch) {
    return """
        components:
          - {name: ARS, type: FlatFileSource, connection: ars}
          - {name: JPY, type: FlatFileSource, connection: jpy}
          - {name: BAD, type: FlatFileSource, connection: bad}
          - {name: All files, type: UnionAll, inputs: [ARS, JPY, BAD]}
          - name: Lookup Currency Key
            type: Lookup
            input: All files
            connection: warehouse
            query: SELECT currencykey, currencyalternatekey FROM dimcurrency
            joins: {CurrencyID: currencyalternatekey}
            columns: [{reference: currencykey, output: CurrencyKey}]
            noMatch: %s
          - name: Lookup Date Key
            type: Lookup
            input: {from: Lookup Currency Key, output: Match}
            connection: warehouse
            table: dimdate
            joins: {CurrencyDate: fulldatealternatekey}
            columns: [{reference: datekey, output: DateKey}]
          - name: Sample OLE DB Destination
            type: JdbcDestination
            input: {from: Lookup Date Key, output: Match}
            connection: warehouse
            table: factcurrencyrate
          - name: Unknown currencies
            type: RecordsetDestination
            input: {from: Lookup Currency Key, output: NoMatch}
            variable: Rows
          - name: Failed rows
            type: RecordsetDestination
            input: {from: Lookup Currency Key, output: Error}
            variable: Errors
        """
        .formatted(noMatch);
  }

  @Test
  void loadsTheRatesAndSendsTheUnknownCurrencyToNoMatch() throws Exception {
    DataFlowResult result = Flows.runOk(flow("redirect"), env);

    assertThat(Postgres.count(ds, "factcurrencyrate")).isEqualTo(2 * 1097);
    assertThat(result.rows("Lookup Currency Key.NoMatch -> Unknown currencies")).isEqualTo(1097);
    assertThat(Flows.rows(env, "User::Rows"))
        .allSatisfy(r -> assertThat(r).containsEntry("CurrencyID", "BAD"));
    List<Map<String, Object>> first =
        Postgres.query(
            ds,
            "SELECT f.*, c.currencyalternatekey FROM factcurrencyrate f JOIN dimcurrency c USING (currencykey)"
                + " WHERE datekey = 20050101 ORDER BY currencykey");
    assertThat(first).hasSize(2);
    assertThat(first.get(0))
        .containsEntry("currencyalternatekey", "ARS")
        .containsEntry("averagerate", 1.0)
        .containsEntry("endofdayrate", 0.99980004);
    assertThat(first.get(1)).containsEntry("currencyalternatekey", "JPY");
    assertThat((Double) first.get(1).get("averagerate"))
        .as("scientific notation")
        .isBetween(0.008, 0.01);
  }

  @Test
  void noMatchRowsCanGoToTheErrorOutputOrFailTheLoad() throws Exception {
    Flows.runOk(flow("error"), env);
    assertThat(Flows.rows(env, "User::Errors"))
        .hasSize(1097)
        .allSatisfy(
            r ->
                assertThat(r)
                    .containsEntry("ErrorCode", ErrorCodes.LOOKUP_NO_MATCH)
                    .containsEntry("ErrorColumn", "CurrencyID")); // the column looked up by

    Postgres.execute(ds, "TRUNCATE factcurrencyrate");
    DataFlowResult failed = Flows.run(flow("fail"), env);
    assertThat(failed.failure())
        .contains(
            "component 'Lookup Currency Key'",
            "Row yielded no match during lookup (CurrencyID = BAD)");
    assertThat(Postgres.count(ds, "factcurrencyrate")).isZero();
  }

  @Test
  void ignoredNoMatchRowsKeepNullKeys() {
    Flows.runOk(
        flow("ignore")
            .replace("table: factcurrencyrate", "table: factcurrencyrate\n    onError: redirect")
            .replace(
                "input: {from: Lookup Currency Key, output: Error}",
                "input: {from: Sample OLE DB Destination, output: Error}"),
        env);

    assertThat(Flows.rows(env, "User::Errors"))
        .as("the NOT NULL currencykey refuses the rows the lookup let through")
        .hasSize(1097)
        .allSatisfy(r -> assertThat(r).containsEntry("CurrencyKey", null));
  }

  @Test
  void aJdbcSourceReadsTheLoadedFactsWithAParameter() {
    Flows.runOk(flow("redirect"), env);

    Flows.runOk(
        """
        components:
          - name: Recent rates
            type: JdbcSource
            connection: warehouse
            query: >-
              SELECT f.currencykey, d.fulldatealternatekey AS day, f.endofdayrate
              FROM factcurrencyrate f JOIN dimdate d USING (datekey)
              WHERE d.fulldatealternatekey >= ? ORDER BY 1, 2
            parameters: ['@[User::Since]']
            fetchSize: 100
          - {name: Keep, type: RecordsetDestination, input: Recent rates, variable: Rows}
        """,
        env);

    List<Map<String, Object>> rows = Flows.rows(env, "User::Rows");
    assertThat(rows)
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat((java.time.LocalDate) r.get("day"))
                    .isAfterOrEqualTo(java.time.LocalDate.of(2005, 7, 1)));
    assertThat(rows.get(0)).containsKeys("currencykey", "day", "endofdayrate");
  }

  @Test
  void lookupChecksItsColumnsWhenPlanning() {
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(
                        flow("redirect")
                            .replace(
                                "joins: {CurrencyID: currencyalternatekey}",
                                "joins: {CurrencyID: code}")),
                    env))
        .hasMessageContaining(
            "component 'Lookup Currency Key' (Lookup): the reference query has no column 'code'");
  }

  /** SSIS's IsSorted on a source: a query with ORDER BY feeds a Merge Join without a Sort. */
  @Test
  void aJdbcSourceSortedByItsQueryFeedsAMergeJoin() {
    String flow =
        """
        components:
          - name: Currencies
            type: JdbcSource
            connection: warehouse
            query: SELECT currencykey, currencyname FROM dimcurrency ORDER BY currencykey
            sortedBy: [currencykey]
          - name: Codes
            type: JdbcSource
            connection: warehouse
            query: >-
              SELECT currencykey AS key, currencyalternatekey FROM dimcurrency
              WHERE currencyalternatekey IN ('ARS', 'JPY') ORDER BY currencykey
            sortedBy: [key]
          - name: Join
            type: MergeJoin
            inputs: [Currencies, Codes]
            keys: [{left: currencykey, right: key}]
          - {name: Keep, type: RecordsetDestination, input: Join, variable: Rows}
        """;
    Flows.runOk(flow, env);

    assertThat(Flows.rows(env, "User::Rows"))
        .extracting(r -> r.get("currencyalternatekey"))
        .containsExactlyInAnyOrder("ARS", "JPY");
    assertThatThrownBy(
            () -> DataFlowPlanner.plan(Flows.task(flow.replace("sortedBy: [key]", "")), env))
        .hasMessageContaining("sorted");
  }

  /** SSIS's "SQL command from variable": the query is the variable's value when the flow starts. */
  @Test
  void aJdbcSourceRunsTheSqlAVariableHolds() {
    String flow =
        """
        components:
          - name: Codes
            type: JdbcSource
            connection: warehouse
            queryVariable: User::Sql
            parameters: ['5']
          - {name: Keep, type: RecordsetDestination, input: Codes, variable: Rows}
        """;
    Flows.runOk(flow, env);

    assertThat(Flows.rows(env, "User::Rows"))
        .extracting(r -> r.get("currencyalternatekey"))
        .containsExactlyInAnyOrder("AFA", "DZD", "ARS", "AMD");
  }
}
