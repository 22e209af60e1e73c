package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.DataFlowStatistic;
import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.EventSink;
import io.sluice.engine.event.LoggingLevel;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.project.ProjectWriter;
import io.sluice.engine.runtime.PackageRunner;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.runtime.RunOptions;
import io.sluice.engine.runtime.RunResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's tutorial package Lesson1.dtsx, imported and run for real: the flat file
 * SampleCurrencyData.txt through the two Lookups into the fact table, on an embedded PostgreSQL
 * whose tables the repository's datasets/ssis-tutorial/warehouse-postgresql.sql creates.
 *
 * <p>What changes from the imported project, as a user changes it: the database connection's URL
 * and the flat file's path (dtexec's /CONNECTION; Sluice's --connection), and the square brackets
 * of the Lookups' T-SQL, which PostgreSQL refuses (what --sql-dialect postgresql rewrites; here the
 * test drops them itself).
 */
class TutorialRunTest {

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void warehouse() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    String script =
        Files.readString(TutorialImportTest.TUTORIAL.resolve("warehouse-postgresql.sql"));
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(script);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void lesson1LoadsTheSampleFileThroughBothLookups() throws Exception {
    ImportResult imported =
        SsisImporter.importPackage(TutorialImportTest.TUTORIAL.resolve("Lesson1.dtsx"));
    Map<String, byte[]> files = new TreeMap<>(ProjectWriter.write(imported.project()).all());
    String yaml = new String(files.get("packages/Lesson1.yaml"), StandardCharsets.UTF_8);
    String url = postgres.getJdbcUrl("postgres", "postgres") + "&currentSchema=dbo";
    String sample = TutorialImportTest.TUTORIAL.resolve("SampleCurrencyData.txt").toString();
    yaml =
        yaml.replace(
                "jdbc:sqlserver://localhost;databaseName=AdventureWorksDW2012;"
                    + "integratedSecurity=true;authenticationScheme=JavaKerberos",
                url)
            .replaceFirst("file: '[^']*'", "file: '" + sample.replace("'", "''") + "'")
            .replace("[", "")
            .replace("]", "");
    files.put("packages/Lesson1.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    ProjectFiles project = ProjectFiles.of(files);

    List<EngineEvent> events = new CopyOnWriteArrayList<>();
    List<DataFlowStatistic> paths = new CopyOnWriteArrayList<>();
    EventSink sink =
        new EventSink() {
          @Override
          public void event(EngineEvent event) {
            events.add(event);
          }

          @Override
          public void dataFlowStatistic(DataFlowStatistic statistic) {
            paths.add(statistic);
          }
        };
    RunResult result =
        new PackageRunner(ProjectParser.parse(project), project)
            .run(
                "Lesson1",
                ParameterValues.none(),
                RunOptions.defaults().withLoggingLevel(LoggingLevel.VERBOSE),
                sink);

    assertThat(result.succeeded())
        .as(
            "%s",
            events.stream()
                .filter(e -> e.type() == MessageType.ERROR)
                .map(EngineEvent::message)
                .toList())
        .isTrue();
    assertThat(count("SELECT count(*) FROM dbo.FactCurrency")).isEqualTo(1097);
    assertThat(count("SELECT count(DISTINCT DateKey) FROM dbo.FactCurrency")).isEqualTo(1097);
    assertThat(count("SELECT min(DateKey) FROM dbo.FactCurrency")).isEqualTo(20050101);
    assertThat(count("SELECT max(DateKey) FROM dbo.FactCurrency")).isEqualTo(20080102);
    assertThat(count("SELECT count(*) FROM dbo.FactCurrency WHERE CurrencyKey = 100"))
        .isEqualTo(1097);
    assertThat(paths)
        .as("%s", paths)
        .filteredOn(p -> p.destinationComponent().equals("Sample OLE DB Destination"))
        .singleElement()
        .satisfies(p -> assertThat(p.rowsSent()).isEqualTo(1097));
  }

  private static long count(String sql) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
