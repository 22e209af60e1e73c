package io.sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.event.MessageType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSIS's Cache Transform and Cache connection manager, from docs/data-flow.md's example: one data
 * flow fills a cache from the tutorial's DimCurrency in PostgreSQL, the next looks the rate files'
 * currencies up in it; with a file, a later run reads the cache without filling it.
 */
class CacheConnectionTest {

  static final Path DATA = Path.of("..", "datasets", "ssis-tutorial").toAbsolutePath().normalize();

  private static EmbeddedPostgres postgres;

  @TempDir Path temp;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "create table dimcurrency (currencykey int, currencyalternatekey char(3),"
              + " currencyname text)");
      s.execute(
          "copy dimcurrency from '"
              + DATA.resolve("DimCurrency.csv")
              + "' with (format csv, delimiter '|', encoding 'UTF8')");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private String project() {
    return """
        name: docs
        connections:
          - {name: warehouse, type: jdbc, url: 'URL', user: postgres}
          - name: rates
            type: flatFile
            file: 'RATES'
            delimiter: '\\t'
            codePage: 1252
            columns:
              - {name: AverageRate, type: DT_R8}
              - {name: CurrencyID, type: 'DT_WSTR,3'}
              - {name: CurrencyDate, type: DT_DBTIMESTAMP}
              - {name: EndOfDayRate, type: DT_R8}
        """
        .replace("URL", postgres.getJdbcUrl("postgres", "postgres"))
        .replace("RATES", DATA.resolve("Currency_ARS.txt").toString());
  }

  /** The example of data-flow.md with its cache file in the test's folder. */
  private String example() throws Exception {
    return JdbcCommandDocsTest.example("data-flow.md", "### CacheTransform")
        .replace("file: currencies.cache", "file: '" + temp.resolve("currencies.cache") + "'");
  }

  private RunResult run(String packageYaml, RecordingSink sink) {
    return TestProjects.project(project()).file("packages/p.yaml", packageYaml).run("p", sink);
  }

  @Test
  void theDocsExampleFillsTheCacheAndTheNextDataFlowLooksUpFromIt() throws Exception {
    RecordingSink sink = new RecordingSink();
    RunResult result = run(example(), sink);

    assertThat(result.succeeded()).as(sink.messages(MessageType.ERROR).toString()).isTrue();
    assertThat(sink.messages(MessageType.INFORMATION))
        .contains(
            "The Cache Transform wrote 105 rows to cache connection 'currencies' and its file "
                + temp.resolve("currencies.cache")
                + ".",
            "Lookup (full cache): 1097 rows found in the cache, 0 not.");
    assertThat(temp.resolve("currencies.cache")).exists();
  }

  @Test
  void aLaterRunReadsTheCacheFileWithoutFillingIt() throws Exception {
    assertThat(run(example(), new RecordingSink()).succeeded()).isTrue();

    // the second package has only the reading data flow
    String reader =
        example()
            .replaceAll("(?s)  - name: Fill the cache.*?(  - name: Load rates)", "$1")
            .replace("    after: Fill the cache\n", "");
    assertThat(reader).doesNotContain("CacheTransform");
    RecordingSink sink = new RecordingSink();
    RunResult result = run(reader, sink);

    assertThat(result.succeeded()).as(sink.messages(MessageType.ERROR).toString()).isTrue();
    assertThat(sink.messages(MessageType.INFORMATION))
        .contains("Lookup (full cache): 1097 rows found in the cache, 0 not.");

    // without the file, the Lookup says the cache is empty and how to fill it
    Files.delete(temp.resolve("currencies.cache"));
    RecordingSink empty = new RecordingSink();
    assertThat(run(reader, empty).succeeded()).isFalse();
    assertThat(String.join("\n", empty.messages(MessageType.ERROR)))
        .contains("cache connection 'currencies' is empty", "hint:");
  }

  @Test
  void aCacheFileOfOtherColumnsIsRefusedSayingBoth() throws Exception {
    assertThat(run(example(), new RecordingSink()).succeeded()).isTrue();
    String reader =
        example()
            .replaceAll("(?s)  - name: Fill the cache.*?(  - name: Load rates)", "$1")
            .replace("    after: Fill the cache\n", "")
            .replace("{name: CurrencyKey, type: DT_I4}", "{name: CurrencyKey, type: DT_I8}");
    RecordingSink sink = new RecordingSink();

    assertThat(run(reader, sink).succeeded()).isFalse();
    assertThat(String.join("\n", sink.messages(MessageType.ERROR)))
        .contains(
            "holds columns [Code DT_WSTR,3 index 1, CurrencyKey DT_I4] but the connection has"
                + " [Code DT_WSTR,3 index 1, CurrencyKey DT_I8]");
  }

  @Test
  void aLookupWhoseJoinsDoNotMatchTheCacheSaysWhich() throws Exception {
    RecordingSink wrongType = new RecordingSink();
    assertThat(
            run(
                    example().replace("joins: {CurrencyID: Code}", "joins: {CurrencyDate: Code}"),
                    wrongType)
                .succeeded())
        .isFalse();
    assertThat(String.join("\n", wrongType.messages(MessageType.ERROR)))
        .contains(
            "join column 'CurrencyDate' is DT_DBTIMESTAMP but index column 'Code' of cache"
                + " connection 'currencies' is DT_WSTR,3");

    RecordingSink notAnIndex = new RecordingSink();
    assertThat(
            run(
                    example()
                        .replace("joins: {CurrencyID: Code}", "joins: {CurrencyID: CurrencyKey}"),
                    notAnIndex)
                .succeeded())
        .isFalse();
    assertThat(String.join("\n", notAnIndex.messages(MessageType.ERROR)))
        .contains(
            "join column 'CurrencyKey' of cache connection 'currencies' is not an index column");

    RecordingSink partial = new RecordingSink();
    assertThat(
            run(
                    example()
                        .replace(
                            "noMatch: redirect", "noMatch: redirect\n        cacheMode: partial"),
                    partial)
                .succeeded())
        .isFalse();
    assertThat(String.join("\n", partial.messages(MessageType.ERROR)))
        .contains("uses a full cache (as in SSIS)");
  }

  @Test
  void misspeltSettingsAreRefusedWhereTheyAreWritten() throws Exception {
    assertThatThrownBy(
            () ->
                TestProjects.project(project())
                    .file("packages/p.yaml", example().replace("index: 1}", "indx: 1}"))
                    .parse())
        .hasMessageContaining("cache column 'Code': unknown setting 'indx'");
    assertThatThrownBy(
            () ->
                TestProjects.project(project())
                    .file("packages/p.yaml", example().replace("mappings:", "mapings:"))
                    .parse())
        .hasMessageContaining("unknown setting 'mapings'");
  }

  @Test
  void aFileThatIsNotACacheFileIsRefusedNamingIt() throws Exception {
    Files.writeString(temp.resolve("currencies.cache"), "Code,CurrencyKey\nARS,3\n");
    String reader =
        example()
            .replaceAll("(?s)  - name: Fill the cache.*?(  - name: Load rates)", "$1")
            .replace("    after: Fill the cache\n", "");
    RecordingSink sink = new RecordingSink();

    assertThat(run(reader, sink).succeeded()).isFalse();
    assertThat(String.join("\n", sink.messages(MessageType.ERROR)))
        .contains(
            "the cache file " + temp.resolve("currencies.cache") + " is not a Sluice cache file");
  }

  /** SSIS: the first Cache Transform of a run writes a cache connection; a second one fails. */
  @Test
  void aSecondCacheTransformOnTheSameConnectionFails() throws Exception {
    String fillTwice =
        example()
            .replace(
                "  - name: Load rates",
                """
                  - name: Fill it again
                    type: DataFlow
                    after: Fill the cache
                    components:
                      - name: Read currencies
                        type: JdbcSource
                        connection: warehouse
                        query: SELECT currencykey, CAST(currencyalternatekey AS varchar(3)) AS code FROM dimcurrency
                      - name: Cache again
                        type: CacheTransform
                        input: Read currencies
                        connection: currencies
                        mappings: {Code: code, CurrencyKey: currencykey}
                  - name: Load rates"""
                    .indent(2)
                    .stripTrailing());
    RecordingSink sink = new RecordingSink();

    assertThat(run(fillTwice, sink).succeeded()).isFalse();
    assertThat(String.join("\n", sink.messages(MessageType.ERROR)))
        .contains(
            "cache connection 'currencies' was already written by 'Cache currencies' in this run");
  }
}
