package io.sluice.cli.docs;

import static io.sluice.cli.docs.DocsHarness.RATES;
import static io.sluice.cli.docs.DocsHarness.RATE_ROWS;
import static io.sluice.cli.docs.DocsHarness.TUTORIAL;
import static io.sluice.cli.docs.DocsHarness.flow;
import static io.sluice.cli.docs.DocsHarness.jdbc;
import static io.sluice.cli.docs.DocsHarness.project;
import static io.sluice.cli.docs.DocsHarness.rates;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.SluiceApi;
import io.sluice.cli.common.CatalogOptions;
import io.sluice.cli.docs.DocBlocks.Block;
import io.sluice.engine.project.PluginSchemas;
import io.sluice.ftp.testing.TestServers;
import io.sluice.master.config.MasterConfigFile;
import io.sluice.master.config.MasterSettings;
import io.sluice.worker.config.WorkerSettings;
import io.sluice.worker.config.WorkerSettingsReader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * Which test runs each YAML example of docs/*.md, and how. Every block is one of:
 *
 * <ul>
 *   <li>{@link #run}: {@link DocsExamplesRunTest} runs it here: a whole package is validated with
 *       {@code sluice project validate} and run with {@code sluice run}; a task or component
 *       fragment is put in the smallest package that gives it the connections, columns and
 *       variables it names (the recipe says what it adds), then validated and run the same way; a
 *       config file is read by the real reader (master.yaml, worker.yaml, the catalog's --config).
 *   <li>{@link #ranBy}: a feature test reads the block from the page and runs it (against a real
 *       SMTP, FTP, SFTP or HTTP server, or with assertions on what it produced); the inventory
 *       checks that the test's source names the block's section.
 *   <li>{@link #excepted}: not runnable by nature; the reason says why. Keep this list short.
 * </ul>
 *
 * A block is named by its page, the heading above it and its place under that heading, not by its
 * line. {@link DocsExamplesInventoryTest} fails for a block that none of these names ("is run by no
 * test"), so a new example cannot be added unrun, and for an entry that names no block.
 */
final class DocsExamples {

  /** What a generic run does with a block: build around it, validate, run, check. */
  interface Recipe {
    void run(String yaml, DocsHarness h) throws Exception;
  }

  /** One entry of the inventory. */
  record Entry(
      String page,
      String heading,
      int ordinal,
      Recipe recipe,
      String featureTest,
      String evidence,
      String reason) {

    boolean matches(Block b) {
      return b.page().equals(page)
          && b.ordinal() == ordinal
          && (b.heading().equals(heading) || b.heading().startsWith(heading + " "));
    }

    @Override
    public String toString() {
      return page + " '" + heading + "' #" + ordinal;
    }
  }

  static Entry run(String page, String heading, int ordinal, Recipe recipe) {
    return new Entry(page, heading, ordinal, recipe, null, null, null);
  }

  /**
   * Run by {@code featureTest} (its source file, from the repository root), whose source must
   * contain {@code evidence}: the heading or text by which it picks the block up.
   */
  static Entry ranBy(
      String page, String heading, int ordinal, String featureTest, String evidence) {
    return new Entry(page, heading, ordinal, null, featureTest, evidence, null);
  }

  static Entry excepted(String page, String heading, int ordinal, String reason) {
    return new Entry(page, heading, ordinal, null, null, null, reason);
  }

  private static final String ENGINE_TESTS = "sluice-engine/src/test/java/io/sluice/engine/";

  static final List<Entry> ENTRIES =
      List.of(
          // ---------------------------------------------------------------- catalog.md
          run("catalog.md", "### An external PostgreSQL", 1, DocsExamples::catalogConfig),
          // ---------------------------------------------------------------- monitoring.md
          ranBy(
              "monitoring.md",
              "## 1. Where the metrics are, and how Prometheus gets them",
              1,
              "sluice-cli/src/test/java/io/sluice/cli/monitoring/MonitoringExamplesTest.java",
              "## 1. Where the metrics are"),
          // ---------------------------------------------------------------- data-flow.md
          run("data-flow.md", "## The YAML of a DataFlow task", 1, DocsExamples::dataFlowTask),
          run("data-flow.md", "## Connections", 1, DocsExamples::flatFileConnection),
          run(
              "data-flow.md",
              "### FlatFileSource",
              1,
              (y, h) -> ratesFlow(y, h, List.of(), List.of())),
          run("data-flow.md", "### JdbcSource", 1, DocsExamples::jdbcSource),
          ranBy(
              "data-flow.md",
              "### XmlSource",
              1,
              "sluice-xml/src/test/java/io/sluice/xml/XmlSourceTest.java",
              "### XmlSource (SSIS XML Source)"),
          run(
              "data-flow.md",
              "### DerivedColumn",
              1,
              (y, h) ->
                  ratesFlow(y, h, List.of(), List.of("{name: Read rates, type: FlatFileSource,"))),
          run(
              "data-flow.md",
              "### DataConversion",
              1,
              (y, h) -> queryFlow(y, h, "Read", "select '12.5'::varchar(10) as \"Amount\"")),
          run(
              "data-flow.md",
              "### CopyColumn",
              1,
              (y, h) -> queryFlow(y, h, "Read", "select 'Ada'::varchar(20) as \"Name\"")),
          run(
              "data-flow.md",
              "### ConditionalSplit",
              1,
              (y, h) ->
                  queryFlow(
                      y,
                      h,
                      "Compute",
                      "select * from (values ('R'::varchar(1), date '2024-01-05', date"
                          + " '2024-01-03'), ('N', date '2024-01-05', date '2024-01-09')) t"
                          + "(l_returnflag, l_receiptdate, l_commitdate)")),
          run("data-flow.md", "### Multicast", 1, DocsExamples::multicast),
          run("data-flow.md", "### UnionAll", 1, DocsExamples::unionAll),
          ranBy(
              "data-flow.md",
              "### Lookup",
              1,
              ENGINE_TESTS + "dataflow/LookupCacheModesTest.java",
              "### Lookup — outputs"),
          ranBy(
              "data-flow.md",
              "### CacheTransform",
              1,
              ENGINE_TESTS + "runtime/CacheConnectionTest.java",
              "### CacheTransform"),
          run("data-flow.md", "### MergeJoin", 1, DocsExamples::mergeJoin),
          run("data-flow.md", "### Merge", 1, DocsExamples::merge),
          run(
              "data-flow.md",
              "### Sort",
              1,
              (y, h) -> ratesFlow(y, h, List.of(), List.of("{name: Read, type: FlatFileSource,"))),
          run("data-flow.md", "### Aggregate", 1, DocsExamples::aggregate),
          transform("### Audit"),
          transform("### RowSampling"),
          transform("### PercentageSampling"),
          transform("### Unpivot"),
          transform("### Pivot"),
          transform("### CharacterMap"),
          ranBy(
              "data-flow.md",
              "### SlowlyChangingDimension",
              1,
              ENGINE_TESTS + "runtime/SlowlyChangingDimensionDocsTest.java",
              "### SlowlyChangingDimension"),
          ranBy(
              "data-flow.md",
              "### SlowlyChangingDimension",
              2,
              ENGINE_TESTS + "runtime/SlowlyChangingDimensionDocsTest.java",
              "With start and end dates instead of a flag"),
          run(
              "data-flow.md",
              "### RowCount",
              1,
              (y, h) ->
                  ratesFlow(
                      y,
                      h,
                      List.of("{name: RowCount, type: Int32, value: 0}"),
                      List.of("{name: Read, type: FlatFileSource,"))),
          ranBy(
              "data-flow.md",
              "### JdbcCommand",
              1,
              ENGINE_TESTS + "runtime/JdbcCommandDocsTest.java",
              "### JdbcCommand"),
          run("data-flow.md", "### JdbcDestination", 1, DocsExamples::jdbcDestination),
          run("data-flow.md", "### FlatFileDestination", 1, DocsExamples::flatFileDestination),
          ranBy(
              "data-flow.md",
              "### RawFileDestination and RawFileSource",
              1,
              ENGINE_TESTS + "runtime/RawFileDocsTest.java",
              "### RawFileDestination"),
          ranBy(
              "data-flow.md",
              "### ExcelDestination and ExcelSource",
              1,
              "sluice-excel/src/test/java/io/sluice/excel/ExcelDocsTest.java",
              "### ExcelDestination and ExcelSource"),
          run(
              "data-flow.md",
              "### RecordsetDestination",
              1,
              (y, h) ->
                  ratesFlow(
                      y,
                      h,
                      List.of("{name: Rates, type: Object}"),
                      List.of("{name: Read, type: FlatFileSource,"))),
          run(
              "data-flow.md",
              "### DiscardDestination",
              1,
              (y, h) -> ratesFlow(y, h, List.of(), List.of("{name: Read, type: FlatFileSource,"))),
          ranBy(
              "data-flow.md",
              "### ScriptComponent",
              1,
              "sluice-script/src/test/java/io/sluice/script/ScriptComponentDocsTest.java",
              "### ScriptComponent"),
          // ---------------------------------------------------------------- extending.md
          ranBy(
              "extending.md",
              "#### Several outputs, asynchronous outputs, directed rows",
              1,
              ENGINE_TESTS + "plugin/PluginOutputsDocTest.java",
              "#### Several outputs"),
          run(
              "extending.md",
              "## 3. Packaging: services and the descriptor",
              1,
              DocsExamples::pluginDescriptor),
          // ---------------------------------------------------------------- high-availability.md
          run(
              "high-availability.md",
              "### 2.2 The same catalog, one key, every master",
              1,
              (y, h) -> masterConfig(y, h)),
          run("high-availability.md", "## 3. Workers", 1, DocsExamples::workerConfig),
          // ---------------------------------------------------------------- package-format.md
          run("package-format.md", "## 3. project.yaml", 1, DocsExamples::projectYaml),
          run(
              "package-format.md",
              "## 4. Package files: packages/NAME.yaml",
              1,
              DocsExamples::packageFile),
          run("package-format.md", "## 5. Parameters", 1, DocsExamples::parameters),
          run("package-format.md", "## 6. Variables", 1, DocsExamples::variables),
          run(
              "package-format.md",
              "### 7.1 Precedence constraints: after",
              1,
              DocsExamples::precedence),
          run("package-format.md", "### 7.2 Property expressions", 1, DocsExamples::expressions),
          run("package-format.md", "### 7.4 Event handlers", 1, DocsExamples::eventHandlers),
          run("package-format.md", "### ExecuteSql", 1, DocsExamples::executeSql),
          run("package-format.md", "### ExecuteProcess", 1, DocsExamples::executeProcess),
          run("package-format.md", "### FileSystem", 1, DocsExamples::fileSystem),
          run("package-format.md", "### Unsupported", 1, (y, h) -> tasks(y, h, List.of())),
          run(
              "package-format.md",
              "### Sequence",
              1,
              (y, h) -> tasks(y, h, List.of("{name: Step, type: String, value: ''}"))),
          run(
              "package-format.md",
              "### ForLoop",
              1,
              (y, h) ->
                  tasks(
                      y,
                      h,
                      List.of(
                          "{name: Try, type: Int32, value: 0}",
                          "{name: Log, type: String, value: ''}"))),
          ranBy(
              "package-format.md",
              "### SendMail",
              1,
              "sluice-cli/src/test/java/io/sluice/cli/run/SendMailExampleTest.java",
              "theDocsShowTheExampleThatRuns"),
          ranBy(
              "package-format.md",
              "### Ftp (SSIS FTP Task)",
              1,
              "sluice-ftp/src/test/java/io/sluice/ftp/DocExamplesTest.java",
              "### Ftp (SSIS FTP Task)"),
          ranBy(
              "package-format.md",
              "### Http (SSIS Web Service Task)",
              1,
              "sluice-http/src/test/java/io/sluice/http/DocExamplesTest.java",
              "### Http (SSIS Web Service Task)"),
          ranBy(
              "package-format.md",
              "### Xml (SSIS XML Task)",
              1,
              "sluice-xml/src/test/java/io/sluice/xml/DocExamplesTest.java",
              "### Xml (SSIS XML Task)"),
          run("package-format.md", "### Script (SSIS Script Task)", 1, DocsExamples::scriptTask),
          ranBy(
              "package-format.md",
              "### BulkInsert",
              1,
              ENGINE_TESTS + "runtime/BulkInsertTest.java",
              "### BulkInsert"),
          run("package-format.md", "### ForeachLoop", 1, DocsExamples::foreachLoop),
          ranBy(
              "package-format.md",
              "### smtp (SSIS SMTP connection manager)",
              1,
              "sluice-cli/src/test/java/io/sluice/cli/run/SendMailExampleTest.java",
              "theDocsShowTheExampleThatRuns"),
          run(
              "package-format.md",
              "### flatFile (SSIS Flat File connection manager)",
              1,
              DocsExamples::flatFileConnectionManager),
          run(
              "package-format.md",
              "### ftp (SSIS FTP connection manager)",
              1,
              DocsExamples::ftpConnection),
          run(
              "package-format.md",
              "### sftp (SFTP server; no SSIS connection manager)",
              1,
              DocsExamples::sftpConnection),
          ranBy(
              "package-format.md",
              "### http (SSIS HTTP connection manager)",
              1,
              "sluice-http/src/test/java/io/sluice/http/DocExamplesTest.java",
              "### http (SSIS HTTP connection manager)"),
          // ---------------------------------------------------------------- scale-out.md
          run("scale-out.md", "## 2. The config file", 1, (y, h) -> masterConfig(y, h)),
          run(
              "scale-out.md",
              "## 5. Several masters: the leader, and catalog failover",
              1,
              (y, h) -> masterConfig("tls: {certificate: m.crt, key: m.key, ca: ca.crt}\n" + y, h)),
          // ---------------------------------------------------------------- script-task.md
          run(
              "script-task.md",
              "# The Script task and the Script Component",
              1,
              DocsExamples::scriptTask),
          scriptComponent("## The Script Component (`type: ScriptComponent`)", 1),
          scriptComponent("### Several outputs", 1),
          scriptComponent("### Several outputs", 2),
          scriptComponent("### Several outputs", 3),
          scriptComponent("### Declared lengths", 1),
          scriptComponent("### By name: `ScriptRow`", 1),
          scriptComponent("### A C# Script Component and its port", 1),
          // ---------------------------------------------------------------- worker.md
          run("worker.md", "## worker.yaml", 1, DocsExamples::workerConfig));

  private static Entry transform(String heading) {
    return ranBy(
        "data-flow.md",
        heading,
        1,
        ENGINE_TESTS + "dataflow/transform/TransformDocsTest.java",
        "\"" + heading + "\"");
  }

  /** script-task.md's Script Component section: every components: block is run there. */
  private static Entry scriptComponent(String heading, int ordinal) {
    return ranBy(
        "script-task.md",
        heading,
        ordinal,
        "sluice-script/src/test/java/io/sluice/script/ScriptComponentDocsTest.java",
        "\"## The Script Component\"");
  }

  // ------------------------------------------------------------------ data flows

  /**
   * Components reading the SSIS tutorial's rates: the prelude's last item is completed with the
   * {@code rates} connection (an item ending in "," is a source to complete, e.g. to name it 'Read'
   * where the example reads from 'Read').
   */
  private static void ratesFlow(
      String yaml, DocsHarness h, List<String> variables, List<String> prelude) throws Exception {
    List<String> sources =
        prelude.stream().map(p -> p.endsWith(",") ? p + " connection: rates}" : p).toList();
    Path dir =
        project()
            .connection(rates("rates", RATES))
            .pkg("main", flow(variables, sources, yaml))
            .write(h.folder());
    h.validateAndRun(dir, "main");
  }

  /** Components reading from a JdbcSource named {@code source} that runs {@code query}. */
  private static void queryFlow(String yaml, DocsHarness h, String source, String query)
      throws Exception {
    Path dir =
        project()
            .connection(jdbc("warehouse", h.readOnlyUrl()))
            .pkg(
                "main",
                flow(
                    List.of(),
                    List.of(
                        "{name: '"
                            + source
                            + "', type: JdbcSource, connection: warehouse, query: \""
                            + query.replace("\"", "\\\"")
                            + "\"}"),
                    yaml))
            .write(h.folder());
    h.validateAndRun(dir, "main");
  }

  private static void dataFlowTask(String yaml, DocsHarness h) throws Exception {
    String url = h.database(DIM_CURRENCY_WITHOUT_USD);
    Path folder = h.folder();
    Path rejects = folder.resolve("rejects.txt");
    Path dir =
        project()
            .connection(rates("rates", RATES))
            .connection(jdbc("warehouse", url))
            .connection("{name: rejects, type: flatFile, file: '" + rejects + "', headerRow: true}")
            .pkg("main", "tasks:\n" + yaml.indent(2))
            .write(folder);
    h.validateAndRun(dir, "main");
    // no USD in this dimcurrency: every rate is an unknown currency
    assertThat(Files.readAllLines(rejects)).hasSize(1 + RATE_ROWS);
  }

  private static void flatFileConnection(String yaml, DocsHarness h) throws Exception {
    Path folder = h.folder();
    Path file = folder.resolve("rates.csv");
    Files.writeString(
        file,
        "AverageRate,CurrencyID,Code\r\n1.5,USD,ABCD\r\n\"0.25\",EUR,\"EF,G\"\r\n",
        StandardCharsets.ISO_8859_1);
    Path out = folder.resolve("out.txt");
    String connection = "name: rates\ntype: flatFile\nfile: '" + file + "'\n" + yaml;
    Path dir =
        project()
            .projectYaml(
                "name: docs\nconnections:\n  - "
                    + connection.indent(4).substring(4)
                    + "  - {name: out, type: flatFile, file: '"
                    + out
                    + "', delimiter: '|', headerRow: true}\n")
            .pkg(
                "main",
                flow(
                    List.of(),
                    List.of(
                        "{name: Read, type: FlatFileSource, connection: rates}",
                        "{name: Write, type: FlatFileDestination, input: Read, connection: out}"),
                    ""))
            .write(folder);
    h.validateAndRun(dir, "main");
    assertThat(Files.readAllLines(out))
        .containsExactly("AverageRate|CurrencyID|Code", "1.5|USD|ABCD", "0.25|EUR|EF,G");
  }

  private static void jdbcSource(String yaml, DocsHarness h) throws Exception {
    String url =
        h.database(
            "create table factcurrencyrate (currencykey int, endofdayrate float8, datekey int);"
                + " insert into factcurrencyrate values (100, 1.0, 20050101), (36, 0.75,"
                + " 20060101), (98, 0.5, 20070101)");
    Path dir =
        project()
            .connection(jdbc("warehouse", url))
            .pkg(
                "main",
                flow(
                    List.of("{name: FirstDateKey, type: Int32, value: 20060101}"), List.of(), yaml))
            .write(h.folder());
    h.validateAndRun(dir, "main");
  }

  private static void multicast(String yaml, DocsHarness h) throws Exception {
    String url = h.database("create table rates (code varchar(3), rate numeric(10,4))");
    Path folder = h.folder();
    Path archive = folder.resolve("archive.txt");
    Path dir =
        project()
            .connection(jdbc("warehouse", url))
            .connection("{name: archive, type: flatFile, file: '" + archive + "', headerRow: true}")
            .pkg(
                "main",
                flow(
                    List.of(),
                    List.of(
                        "{name: Read, type: JdbcSource, connection: warehouse, query: \"select *"
                            + " from (values ('EUR'::varchar(3), 1.08::numeric(10,4)), ('GBP',"
                            + " 0.86)) t(code, rate)\"}"),
                    yaml))
            .write(folder);
    h.validateAndRun(dir, "main");
    assertThat(h.value(url, "select count(*) from rates")).isEqualTo(2L);
    assertThat(Files.readAllLines(archive)).hasSize(3).startsWith("code,rate");
  }

  private static void unionAll(String yaml, DocsHarness h) throws Exception {
    Path dir =
        project()
            .connection(rates("ars", TUTORIAL.resolve("Currency_ARS.txt")))
            .connection(rates("jpy", TUTORIAL.resolve("Currency_JPY.txt")))
            .connection(rates("bad", TUTORIAL.resolve("Currency_BAD.txt")))
            .pkg(
                "main",
                flow(
                    List.of("{name: Rows, type: Int32, value: 0}"),
                    List.of(
                        "{name: ARS, type: FlatFileSource, connection: ars}",
                        "{name: JPY, type: FlatFileSource, connection: jpy}",
                        "{name: BAD, type: FlatFileSource, connection: bad}"),
                    yaml
                        + "- {name: Count, type: RowCount, input: All files, variable:"
                        + " User::Rows}\n"))
            .write(h.folder());
    h.validateAndRun(dir, "main");
  }

  private static void mergeJoin(String yaml, DocsHarness h) throws Exception {
    Path dir =
        project()
            .connection(jdbc("warehouse", h.readOnlyUrl()))
            .pkg(
                "main",
                flow(
                    List.of(),
                    List.of(
                        "{name: Sorted orders, type: JdbcSource, connection: warehouse, sortedBy:"
                            + " [CustomerId], query: 'select * from (values (1, 10), (2, 11), (3,"
                            + " 10)) t(\"OrderId\", \"CustomerId\") order by 2'}",
                        "{name: Customers, type: JdbcSource, connection: warehouse, sortedBy: [Id],"
                            + " query: 'select * from (values (10, ''Ada''::varchar(20)), (12,"
                            + " ''Bob'')) t(\"Id\", \"Name\") order by 1'}"),
                    yaml))
            .write(h.folder());
    h.validateAndRun(dir, "main");
  }

  private static void merge(String yaml, DocsHarness h) throws Exception {
    String sorted =
        "{name: '%s', type: JdbcSource, connection: warehouse, sortedBy: [Id], query: 'select *"
            + " from (values %s) t(\"Id\", \"Name\") order by 1'}";
    Path dir =
        project()
            .connection(jdbc("warehouse", h.readOnlyUrl()))
            .pkg(
                "main",
                flow(
                    List.of(),
                    List.of(
                        sorted.formatted("Sorted A", "(1, ''a''::varchar(5)), (3, ''c'')"),
                        sorted.formatted("Sorted B", "(2, ''b''::varchar(5)), (4, ''d'')")),
                    yaml))
            .write(h.folder());
    h.validateAndRun(dir, "main");
  }

  private static void aggregate(String yaml, DocsHarness h) throws Exception {
    queryFlow(
        yaml,
        h,
        "Read",
        "select * from (values ('R'::varchar(1), 'F'::varchar(1), 17::numeric(15,2),"
            + " 0.04::numeric(15,2), 0.02::numeric(15,2), 7, date '1996-03-13'), ('R', 'F', 36,"
            + " 0.09, null, 8, date '1996-04-12'), ('N', 'O', 8, 0.1, 0.02, 7, date"
            + " '1997-01-28')) t(l_returnflag, l_linestatus, l_quantity, l_discount, l_tax,"
            + " l_suppkey, l_shipdate)");
  }

  /** The tutorial's currencies without USD: every row of SampleCurrencyData misses. */
  private static final String DIM_CURRENCY_WITHOUT_USD =
      "create table dimcurrency (currencykey int, currencyalternatekey varchar(3));"
          + " insert into dimcurrency values (36, 'EUR'), (98, 'GBP')";

  private static void jdbcDestination(String yaml, DocsHarness h) throws Exception {
    String url =
        h.database(
            "create table dimcurrency (currencykey int, currencyalternatekey varchar(3));"
                + " insert into dimcurrency values (100, 'USD');"
                + " create table dimdate (datekey int, fulldatealternatekey timestamp);"
                + " insert into dimdate select to_char(d, 'YYYYMMDD')::int, d from"
                + " generate_series(date '2005-01-01', date '2008-12-31', interval '1 day') d;"
                + " create table factcurrencyrate (averagerate float8, currencykey int)");
    Path dir =
        project()
            .connection(rates("rates", RATES))
            .connection(jdbc("warehouse", url))
            .pkg(
                "main",
                flow(
                    List.of(),
                    List.of(
                        "{name: Read rates, type: FlatFileSource, connection: rates}",
                        "{name: Lookup currency, type: Lookup, input: Read rates, connection:"
                            + " warehouse, table: dimcurrency, joins: {CurrencyID:"
                            + " currencyalternatekey}, columns: [{reference: currencykey, output:"
                            + " CurrencyKey}]}",
                        "{name: Lookup date, type: Lookup, input: Lookup currency, connection:"
                            + " warehouse, table: dimdate, joins: {CurrencyDate:"
                            + " fulldatealternatekey}, columns: [{reference: datekey, output:"
                            + " DateKey}], noMatch: redirect}"),
                    yaml))
            .write(h.folder());
    h.validateAndRun(dir, "main");
    assertThat(h.value(url, "select count(*) from factcurrencyrate where currencykey = 100"))
        .isEqualTo((long) RATE_ROWS);
  }

  private static void flatFileDestination(String yaml, DocsHarness h) throws Exception {
    String url = h.database(DIM_CURRENCY_WITHOUT_USD);
    Path folder = h.folder();
    Path rejects = folder.resolve("rejects.txt");
    Files.writeString(rejects, "yesterday's rejects\n");
    Path dir =
        project()
            .connection(rates("rates", RATES))
            .connection(jdbc("warehouse", url))
            .connection("{name: rejects, type: flatFile, file: '" + rejects + "', headerRow: true}")
            .pkg(
                "main",
                flow(
                    List.of(),
                    List.of(
                        "{name: Read rates, type: FlatFileSource, connection: rates}",
                        "{name: Lookup currency, type: Lookup, input: Read rates, connection:"
                            + " warehouse, table: dimcurrency, joins: {CurrencyID:"
                            + " currencyalternatekey}, columns: [{reference: currencykey, output:"
                            + " CurrencyKey}], noMatch: redirect}"),
                    yaml))
            .write(folder);
    h.validateAndRun(dir, "main");
    assertThat(Files.readAllLines(rejects))
        .hasSize(1 + RATE_ROWS)
        .element(1)
        .asString()
        .contains("USD");
  }

  // ------------------------------------------------------------------ package-format.md

  /** An empty Sequence: a package that runs and does nothing, around a project's own parts. */
  private static final String NOTHING = "tasks:\n  - {name: Nothing, type: Sequence}\n";

  private static void projectYaml(String yaml, DocsHarness h) throws Exception {
    Path dir = project().projectYaml(yaml).pkg("main", NOTHING).write(h.folder());
    h.validateAndRun(dir, "main");
  }

  private static void parameters(String yaml, DocsHarness h) throws Exception {
    Path dir = project().projectYaml("name: docs\n" + yaml).pkg("main", NOTHING).write(h.folder());
    // WarehouseUrl is required: the run must be given it
    h.validateAndRun(dir, "main", 2);
    h.validateAndRun(dir, "main", "WarehouseUrl=jdbc:postgresql://localhost/dw");
  }

  private static void variables(String yaml, DocsHarness h) throws Exception {
    Path dir = project().pkg("main", yaml + NOTHING).write(h.folder());
    h.validateAndRun(dir, "main");
  }

  /**
   * 7.2's expressions on an ExecuteSql task that has no statement but the expression's: with
   * SkipLoad the task is disabled, without it the statement deletes the facts before the cutoff.
   */
  private static void expressions(String yaml, DocsHarness h) throws Exception {
    String url =
        h.database(
            "create table fact (datekey int); insert into fact values (20240101), (20240301)");
    Path dir =
        project()
            .connection(jdbc("warehouse", url))
            .parameter("{name: SkipLoad, type: Boolean, default: false}")
            .pkg(
                "main",
                "variables:\n  - {name: Cutoff, type: Int32, value: 20240201}\n"
                    + "tasks:\n  - name: Delete old facts\n    type: ExecuteSql\n"
                    + "    connection: warehouse\n"
                    + yaml)
            .write(h.folder());
    h.validateAndRun(dir, "main", "SkipLoad=true");
    assertThat(h.value(url, "select count(*) from fact")).isEqualTo(2L);
    h.validateAndRun(dir, "main", "SkipLoad=false");
    assertThat(h.value(url, "select min(datekey) from fact")).isEqualTo(20240301);
  }

  /** 7.4's OnError handler on a package whose task fails: the package fails, the handler not. */
  private static void eventHandlers(String yaml, DocsHarness h) throws Exception {
    Path dir =
        project()
            .pkg(
                "main",
                "variables:\n  - {name: LastError, type: String, value: ''}\n"
                    + yaml
                    + "tasks:\n  - {name: Fail, type: Unsupported, ssisType: Example.Task,"
                    + " message: this task fails on purpose}\n")
            .write(h.folder());
    String out = h.validateAndRun(dir, "main", 1);
    assertThat(out).contains("this task fails on purpose").doesNotContain("error     Remember");
  }

  private static void executeSql(String yaml, DocsHarness h) throws Exception {
    String url =
        h.database(
            "create table currency (code varchar(3), rate numeric(10,4)); insert into currency"
                + " values ('USD', 1.0), ('EUR', 1.08), ('GBP', 1.27)");
    Path dir =
        project()
            .connection(jdbc("Db", url))
            .pkg(
                "main",
                "variables:\n"
                    + "  - {name: Rows, type: Object}\n"
                    + "  - {name: Code, type: String, value: ''}\n"
                    + "  - {name: Rate, type: Object}\n"
                    + "  - {name: Log, type: String, value: ''}\n"
                    + "tasks:\n"
                    + yaml)
            .write(h.folder());
    String out = h.validateAndRun(dir, "main");
    assertThat(out).contains("statement 1 of 2: 1 row(s) affected");
  }

  /** A Script task reading User::Path (a file of three lines) and writing User::Rows. */
  private static void scriptTask(String yaml, DocsHarness h) throws Exception {
    Path folder = h.folder();
    Path lines = Files.writeString(folder.resolve("lines.txt"), "a\nb\nc\n");
    String tasks = yaml.startsWith("tasks:") ? yaml : "tasks:\n" + yaml;
    Path dir =
        project()
            .pkg(
                "main",
                "variables:\n  - {name: Path, type: String, value: '"
                    + lines
                    + "'}\n  - {name: Rows, type: Int32, value: 0}\n"
                    + tasks)
            .write(folder);
    h.validateAndRun(dir, "main");
  }

  /** The Foreach over the tutorial's Currency_A*.txt, running a child load-rates per file. */
  private static void foreachLoop(String yaml, DocsHarness h) throws Exception {
    Path dir =
        project()
            .parameter("{name: DataFolder, type: String, default: '" + TUTORIAL + "'}")
            .parameter("{name: FilePattern, type: String, default: 'Currency_A*.txt'}")
            .pkg(
                "load-rates",
                "entryPoint: false\nparameters:\n  - {name: RateFile, type: String, required:"
                    + " true}\n"
                    + NOTHING)
            .pkg(
                "main",
                "variables:\n  - {name: CurrentFile, type: String, value: ''}\ntasks:\n" + yaml)
            .write(h.folder());
    String out = h.validateAndRun(dir, "main");
    assertThat(out).contains("Load rate files");
  }

  /**
   * The sftp connection against the SFTP server sluice-ftp's tests start: the example's host, user
   * and pinned key replaced by the server's, the password from the project parameter it names.
   */
  private static void sftpConnection(String yaml, DocsHarness h) throws Exception {
    Path folder = h.folder();
    Path root = TestServers.folder(folder, "sftp");
    try (TestServers.Sftp sftp = new TestServers.Sftp(root, folder.resolve("host.key"), null)) {
      String connections =
          yaml.replace("host: sftp.example.com", "host: 127.0.0.1\n    port: " + sftp.port)
              .replace("user: etl", "user: " + TestServers.USER)
              .replaceAll("hostKeyFingerprint: \\S+", "hostKeyFingerprint: " + sftp.fingerprint);
      assertThat(connections).contains(sftp.fingerprint, "port: " + sftp.port);
      Path dir =
          project()
              .projectYaml(
                  "name: docs\nparameters:\n  - {name: Password, type: String, sensitive: true}\n"
                      + connections)
              .pkg(
                  "main",
                  "tasks:\n  - {name: Make folder, type: Ftp, connection: Archive, operation:"
                      + " createRemoteDirectory, remotePath: /archive}\n")
              .write(folder);
      h.validateAndRun(dir, "main", "Password=" + TestServers.PASSWORD);
      assertThat(root.resolve("archive")).isDirectory();
    }
  }

  /** Package {@code main}: {@code variables} (flow-style items) and the example's tasks. */
  private static void tasks(String yaml, DocsHarness h, List<String> variables) throws Exception {
    StringBuilder main = new StringBuilder();
    if (!variables.isEmpty()) {
      main.append("variables:\n");
      variables.forEach(v -> main.append("  - ").append(v).append('\n'));
    }
    main.append("tasks:\n").append(yaml);
    Path dir = project().pkg("main", main.toString()).write(h.folder());
    h.validateAndRun(dir, "main");
  }

  /** Section 4's outline: a package only run by another, here by main's ExecutePackage. */
  private static void packageFile(String yaml, DocsHarness h) throws Exception {
    Path dir =
        project()
            .pkg("load-rates", yaml)
            .pkg("main", "tasks:\n  - {name: Load, type: ExecutePackage, package: load-rates}\n")
            .write(h.folder());
    String out = h.validateAndRun(dir, "main");
    assertThat(out).contains("load-rates");
  }

  /** 7.1's constraints after the three loads they name, which succeed. */
  private static void precedence(String yaml, DocsHarness h) throws Exception {
    String url = h.database("create table factcurrencyrate (currencykey int)");
    Path dir =
        project()
            .connection(jdbc("Warehouse", url))
            .pkg(
                "main",
                "variables:\n  - {name: Retry, type: Int32, value: 0}\n"
                    + "  - {name: Failed, type: Boolean, value: false}\n"
                    + "tasks:\n"
                    + "  - {name: Load dimensions, type: Sequence}\n"
                    + "  - {name: Load rates, type: Sequence}\n"
                    + "  - {name: Load rate files, type: Sequence}\n"
                    + yaml)
            .write(h.folder());
    String out = h.validateAndRun(dir, "main");
    assertThat(out).contains("\\main\\Count fact rows", "\\main\\Archive");
  }

  /** The process lists the folder the Inbox parameter names. */
  private static void executeProcess(String yaml, DocsHarness h) throws Exception {
    Path inbox = Files.createDirectories(h.folder().resolve("inbox"));
    Files.writeString(inbox.resolve("rates-1.csv"), "EUR,1.08\n");
    Path dir =
        project()
            .parameter("{name: Inbox, type: String, default: '" + inbox + "'}")
            .pkg(
                "main", "variables:\n  - {name: Listing, type: String, value: ''}\ntasks:\n" + yaml)
            .write(h.folder());
    h.validateAndRun(dir, "main");
  }

  private static void fileSystem(String yaml, DocsHarness h) throws Exception {
    Path folder = h.folder();
    Path rates = Files.writeString(folder.resolve("rates.txt"), "EUR,1.08\n");
    Path archive = Files.createDirectories(folder.resolve("archive")).resolve("rates.txt");
    Path dir =
        project()
            .connection("{name: Rates file, type: file, path: '" + rates + "'}")
            .connection(
                "{name: Rates archive, type: file, path: '" + archive + "', usage: createFile}")
            .pkg("main", "tasks:\n" + yaml)
            .write(folder);
    h.validateAndRun(dir, "main");
    assertThat(archive).hasContent("EUR,1.08");
  }

  /** The connection with its DataFolder parameter, read by a data flow that counts the rows. */
  private static void flatFileConnectionManager(String yaml, DocsHarness h) throws Exception {
    Path dir =
        project()
            .projectYaml(
                "name: docs\nparameters:\n  - {name: DataFolder, type: String, default: '"
                    + TUTORIAL
                    + "'}\n"
                    + yaml)
            .pkg(
                "main",
                flow(
                    List.of("{name: Rows, type: Int32, value: 0}"),
                    List.of(
                        "{name: Read, type: FlatFileSource, connection: Rates}",
                        "{name: Count, type: RowCount, input: Read, variable: User::Rows}"),
                    ""))
            .write(h.folder());
    h.validateAndRun(dir, "main");
  }

  /** The ftp connection against the FTP server sluice-ftp's tests start (its host and port). */
  private static void ftpConnection(String yaml, DocsHarness h) throws Exception {
    Path folder = h.folder();
    Path root = TestServers.folder(folder, "ftp");
    try (TestServers.Ftp ftp = new TestServers.Ftp(root)) {
      String connections =
          yaml.replace("host: files.example.com", "host: 127.0.0.1\n    port: " + ftp.port);
      assertThat(connections).contains("user: " + TestServers.USER, "port: " + ftp.port);
      Path dir =
          project()
              .projectYaml(
                  "name: docs\nparameters:\n  - {name: FtpPassword, type: String, sensitive:"
                      + " true}\n"
                      + connections)
              .pkg(
                  "main",
                  "tasks:\n  - {name: Make folder, type: Ftp, connection: Partner, operation:"
                      + " createRemoteDirectory, remotePath: /incoming}\n")
              .write(folder);
      h.validateAndRun(dir, "main", "FtpPassword=" + TestServers.PASSWORD);
      assertThat(root.resolve("incoming")).isDirectory();
    }
  }

  // ------------------------------------------------------------------ config files

  /** catalog.md's --config file, read as every catalog command reads it. */
  private static void catalogConfig(String yaml, DocsHarness h) throws Exception {
    Path file = Files.writeString(h.folder().resolve("sluice.yaml"), yaml);
    catalogSection(yaml, file);
  }

  /** The catalog: section of a config file gives the catalog options exactly what it says. */
  @SuppressWarnings("unchecked")
  private static void catalogSection(String yaml, Path file) {
    Map<String, Object> catalog =
        (Map<String, Object>) ((Map<String, Object>) new Yaml().load(yaml)).get("catalog");
    assertThat(catalog).as("a catalog: section").isNotNull();
    assertThat(catalog.keySet())
        .as("catalog keys CatalogOptions reads")
        .isSubsetOf("url", "user", "password", "keyFile", "dataDir", "embeddedPort");
    CatalogOptions options = new CatalogOptions();
    new CommandLine(options).parseArgs("--config", file.toString());
    Map<String, String> read =
        Map.of(
            "url", String.valueOf(options.url()),
            "user", options.user(),
            "password", options.password(),
            "keyFile", options.keyFile().toString(),
            "dataDir", String.valueOf(options.givenDataDir().orElse(null)),
            "embeddedPort", String.valueOf(options.embeddedPort()));
    catalog.forEach((k, v) -> assertThat(read.get(k)).as("catalog." + k).isEqualTo(v.toString()));
  }

  /** A master.yaml: read by the master's reader, its catalog: section by the catalog options. */
  @SuppressWarnings("unchecked")
  private static void masterConfig(String yaml, DocsHarness h) throws Exception {
    Path file = Files.writeString(h.folder().resolve("master.yaml"), yaml);
    MasterSettings settings = MasterConfigFile.read(file);
    Map<String, Object> written = (Map<String, Object>) new Yaml().load(yaml);
    if (written.containsKey("name")) {
      assertThat(settings.name()).isEqualTo(written.get("name"));
    }
    if (written.containsKey("port")) {
      assertThat(settings.port()).isEqualTo(written.get("port"));
    }
    if (written.containsKey("catalog")) {
      catalogSection(yaml, file);
    }
  }

  /** A worker.yaml (or its masters: part, completed by the reader's defaults). */
  @SuppressWarnings("unchecked")
  private static void workerConfig(String yaml, DocsHarness h) throws Exception {
    Path folder = h.folder();
    // the reader checks that the TLS files exist: the doc's /etc/sluice is the example's folder
    for (String name :
        List.of("ca.crt", "etl-1.crt", "etl-1.key", "etl-worker-1.crt", "etl-worker-1.key")) {
      Files.writeString(folder.resolve(name), "");
    }
    WorkerSettings settings =
        WorkerSettingsReader.parse(
            yaml.replace("/etc/sluice/", folder + "/").replace("/var/", folder + "/var/"), folder);
    Map<String, Object> written = (Map<String, Object>) new Yaml().load(yaml);
    assertThat(settings.masters()).hasSize(((List<?>) written.get("masters")).size());
  }

  /** extending.md's descriptor, read from a jar as the project parser reads lib/ jars. */
  private static void pluginDescriptor(String yaml, DocsHarness h) throws Exception {
    ByteArrayOutputStream jar = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(jar)) {
      zip.putNextEntry(new ZipEntry(SluiceApi.DESCRIPTOR));
      zip.write(yaml.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    PluginSchemas schemas = PluginSchemas.ofJars(Map.of("lib/example.jar", jar.toByteArray()));
    assertThat(schemas.problems()).isEmpty();
    assertThat(schemas.find(PluginSchemas.Kind.TASK, "Greet")).isPresent();
    assertThat(schemas.find(PluginSchemas.Kind.COMPONENT, "UpperCase")).isPresent();
  }

  private DocsExamples() {}
}
