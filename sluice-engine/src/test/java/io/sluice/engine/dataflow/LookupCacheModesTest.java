package io.sluice.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.type.DataType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SSIS's Partial cache and No cache on the tutorial's currency-rates flow: every mode loads the
 * same fact rows as the full cache, sends the same rows to NoMatch, and says in its Information
 * event how many keys the cache answered.
 */
class LookupCacheModesTest {

  static final Path DATA = CurrencyRatesEndToEndTest.DATA;

  static EmbeddedPostgres postgres;
  static DataSource ds;

  @TempDir Path temp;
  private Flows.Events events;
  private SimpleDataFlowEnvironment env;

  @BeforeAll
  static void warehouse() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    ds = postgres.getPostgresDatabase();
    CurrencyRatesEndToEndTest.loadDimensions(ds);
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
        "CREATE TABLE factcurrencyrate (averagerate float8, currencykey int NOT NULL,"
            + " datekey int NOT NULL, endofdayrate float8)");
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
    events = new Flows.Events();
    env =
        Flows.environment(temp)
            .events(events)
            .jdbc("warehouse", ds::getConnection)
            .flatFile("ars", DATA.resolve("Currency_ARS.txt"), rates)
            .flatFile("jpy", DATA.resolve("Currency_JPY.txt"), rates)
            .flatFile("bad", DATA.resolve("Currency_BAD.txt"), rates)
            .variable("User::Since", DataType.DBDATE, java.time.LocalDate.of(2005, 7, 1))
            .build();
  }

  /** Both lookups of the tutorial's lesson 2 with the given cache settings. */
  static String flow(String cache) {
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
            noMatch: redirect
            %1$s
          - name: Lookup Date Key
            type: Lookup
            input: {from: Lookup Currency Key, output: Match}
            connection: warehouse
            table: dimdate
            joins: {CurrencyDate: fulldatealternatekey}
            columns: [{reference: datekey, output: DateKey}]
            %1$s
          - name: Sample OLE DB Destination
            type: JdbcDestination
            input: {from: Lookup Date Key, output: Match}
            connection: warehouse
            table: factcurrencyrate
          - name: Unknown currencies
            type: RecordsetDestination
            input: {from: Lookup Currency Key, output: NoMatch}
            variable: Rows
        """
        .formatted(cache);
  }

  private List<Map<String, Object>> facts() throws Exception {
    return Postgres.query(
        ds, "SELECT * FROM factcurrencyrate ORDER BY currencykey, datekey, averagerate");
  }

  private List<Map<String, Object>> load(String cache) throws Exception {
    Postgres.execute(ds, "TRUNCATE factcurrencyrate");
    DataFlowResult result = Flows.runOk(flow(cache), env);
    assertThat(result.rows("Lookup Currency Key.NoMatch -> Unknown currencies")).isEqualTo(1097);
    assertThat(Flows.rows(env, "User::Rows"))
        .allSatisfy(r -> assertThat(r).containsEntry("CurrencyID", "BAD"));
    return facts();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"cacheMode: partial", "cacheMode: none", "cacheMode: partial, missCache: true"})
  void everyCacheModeLoadsWhatTheFullCacheLoads(String cache) throws Exception {
    List<Map<String, Object>> full = load("cacheMode: full");
    assertThat(full).hasSize(2 * 1097);

    assertThat(load(cache.replace(", ", "\n    "))).isEqualTo(full);
  }

  @Test
  void aTinyPartialCacheEvictsAndStillMatchesEveryRow() throws Exception {
    List<Map<String, Object>> full = load("");
    events.events.clear();

    // about 2 KB: a few dozen dates of the 1,097 each file carries
    assertThat(load("cacheMode: partial\n    cacheSizeMb: 0.002")).isEqualTo(full);

    assertThat(events.messages())
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("Lookup (partial cache): ")
                    .contains("asked of the database in")
                    .containsPattern("; [1-9][0-9]? keys cached at the end"));
  }

  @Test
  void thePartialCacheAnswersRepeatedKeysWithoutTheDatabase() throws Exception {
    load("cacheMode: partial\n    missCache: true");

    // ARS's 1,097 dates are asked 50 to a statement; JPY's same dates come from the cache; the
    // rows of BAD never reach the date lookup
    assertThat(events.messages())
        .contains(
            "Lookup (partial cache): 1097 keys found in the cache, 1097 asked of the database in 22"
                + " statements; 1097 keys cached at the end.",
            "Lookup (partial cache): 0 keys found in the cache, 3 asked of the database in 3"
                + " statements; 3 keys cached at the end.");
  }

  /** A composite key: the partial cache asks with {@code (k1 = ? AND k2 = ?) OR ...}. */
  @ParameterizedTest
  @ValueSource(strings = {"full", "partial", "none"})
  void aCompositeKeyMatchesTheSameRowsInEveryMode(String mode) {
    DataFlowResult result =
        Flows.runOk(
            """
            components:
              - {name: ARS, type: FlatFileSource, connection: ars}
              - {name: BAD, type: FlatFileSource, connection: bad}
              - {name: All files, type: UnionAll, inputs: [ARS, BAD]}
              - name: Both keys
                type: Lookup
                input: All files
                connection: warehouse
                query: >-
                  SELECT d.datekey, d.fulldatealternatekey, c.currencyalternatekey, c.currencykey
                  FROM dimdate d CROSS JOIN dimcurrency c
                  WHERE c.currencyalternatekey IN ('ARS', 'JPY') AND d.datekey % 2 = 0
                joins: {CurrencyID: currencyalternatekey, CurrencyDate: fulldatealternatekey}
                columns: [{reference: datekey, output: DateKey}, {reference: currencykey}]
                noMatch: redirect
                cacheMode: MODE
              - {name: Keep, type: RecordsetDestination, input: Both keys, variable: Rows}
              - name: Unknown
                type: RecordsetDestination
                input: {from: Both keys, output: NoMatch}
                variable: Other
            """
                .replace("MODE", mode),
            env);

    List<Map<String, Object>> matched = Flows.rows(env, "User::Rows");
    assertThat(matched)
        .as("ARS on even date keys only")
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r).containsEntry("CurrencyID", "ARS").containsEntry("currencykey", 3);
              assertThat((Integer) r.get("DateKey") % 2).isZero();
            });
    assertThat(matched.size() + result.rows("Both keys.NoMatch -> Unknown")).isEqualTo(2 * 1097);
    assertThat(matched.size()).isBetween(500, 600);
  }

  @Test
  void theLookupExampleOfDataFlowMdRunsAsItIsWritten() throws Exception {
    String page = Files.readString(Path.of("..", "docs", "data-flow.md"));
    int at = page.indexOf("### Lookup — outputs");
    int start = page.indexOf("```yaml\n", at) + "```yaml\n".length();
    String lookup = page.substring(start, page.indexOf("```", start)).indent(2);
    assertThat(lookup).contains("cacheMode: partial");

    DataFlowResult result =
        Flows.runOk(
            """
            components:
              - {name: ARS, type: FlatFileSource, connection: ars}
              - {name: JPY, type: FlatFileSource, connection: jpy}
              - {name: BAD, type: FlatFileSource, connection: bad}
              - {name: All files, type: UnionAll, inputs: [ARS, JPY, BAD]}
            %s
              - {name: Keep, type: RecordsetDestination, input: Lookup currency, variable: Rows}
              - name: Unknown
                type: RecordsetDestination
                input: {from: Lookup currency, output: NoMatch}
                variable: Other
            """
                .formatted(lookup),
            env);

    assertThat(result.rows("Lookup currency.NoMatch -> Unknown")).isEqualTo(1097);
    assertThat(Flows.rows(env, "User::Rows"))
        .hasSize(2 * 1097)
        .allSatisfy(r -> assertThat(r.get("CurrencyKey")).isIn(3, 102)); // ARS, JPY
  }

  @Test
  void cacheSettingsAreChecked() {
    assertThatThrownBy(() -> DataFlowPlanner.plan(Flows.task(flow("cacheMode: parital")), env))
        .hasMessageContaining("cacheMode 'parital' is unknown; use full, partial or none");
    assertThatThrownBy(() -> DataFlowPlanner.plan(Flows.task(flow("cacheSizeMb: 5")), env))
        .hasMessageContaining("cacheSizeMb and missCache are settings of a partial cache");
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(flow("cacheMode: partial\n    cacheSizeMb: lots")), env))
        .hasMessageContaining("cacheSizeMb 'lots' is not a size");
    assertThatThrownBy(() -> DataFlowPlanner.plan(Flows.task(flow("cacheSize: 5")), env))
        .hasMessageContaining("unknown setting 'cacheSize'");
  }
}
