package io.sluice.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.catalog.database.CatalogLocation;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.message.EventMessage;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.catalog.testing.CatalogUnderTest;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.cli.SluiceCommand;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.testing.TestDriverJars;
import io.sluice.master.Master;
import io.sluice.master.config.MasterSettings;
import io.sluice.master.management.WorkerAgent;
import io.sluice.master.management.WorkerAgents;
import io.sluice.worker.Worker;
import io.sluice.worker.config.WorkerSettingsReader;
import io.sluice.worker.testing.TestCertificates;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JDBC drivers shipped in a project's lib/ folder, end to end: packed, deployed, run by {@code
 * sluice run}, by a real worker through a real master, and by the master in server mode — each
 * project through its own driver version, none through another's.
 */
class ProjectDriversTest {

  private static CatalogLocation target;

  @TempDir Path dir;

  @BeforeAll
  static void targetDatabase() throws Exception {
    target = TestCatalog.newEmptyDatabase();
    try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), "");
        Statement s = c.createStatement()) {
      s.execute("create table seen (project text, version text, context_loader text)");
    }
  }

  /** A project folder whose package records the driver version it connected through. */
  private Path projectFolder(String name, String driverVersion) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(name));
    Files.writeString(
        folder.resolve("project.yaml"),
        """
        name: NAME
        connections:
          - {name: Db, type: jdbc, url: 'URL'}
        """
            .replace("NAME", name)
            .replace("URL", TestDriverJars.url(target.jdbcUrl())));
    Files.createDirectories(folder.resolve("packages"));
    Files.writeString(
        folder.resolve("packages/record.yaml"),
        """
        tasks:
          - name: Record
            type: ExecuteSql
            connection: Db
            statement: >-
              insert into seen select 'NAME', current_setting('sluicetest.version'),
              current_setting('sluicetest.context_loader')
        """
            .replace("NAME", name));
    if (driverVersion != null) {
      TestDriverJars.writeTo(folder, "sluicetest-" + driverVersion + ".jar", driverVersion);
    }
    return folder;
  }

  private static String seenBy(String project) throws Exception {
    try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), "");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select string_agg(distinct version || ' ' || context_loader, ', ') from seen"
                        + " where project = '"
                        + project
                        + "'")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private record Cli(int exitCode, String out, String err) {}

  private static Cli sluice(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        SluiceCommand.commandLine()
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    return new Cli(code, out.toString(), err.toString());
  }

  @Test
  void sluiceRunConnectsThroughTheProjectsDriver() throws Exception {
    Cli run = sluice("run", projectFolder("Local", "1.5").toString(), "--package", "record");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(seenBy("Local")).isEqualTo("1.5 project");
  }

  @Test
  void packRefusesAFileThatIsNotAJarInLib() throws Exception {
    Path folder = projectFolder("Stray", "1.0");
    Files.writeString(folder.resolve("lib/INSTALL.txt"), "copy the driver here");

    Cli pack = sluice("project", "pack", folder.toString(), "--output", dir.toString());

    assertThat(pack.exitCode()).isEqualTo(2);
    assertThat(pack.err())
        .contains(
            "lib/INSTALL.txt: lib/ holds only JDBC driver jars (lib/NAME.jar, no sub-folders);"
                + " move this file out of lib/");
  }

  @Test
  void workersAndServerModeRunEachProjectWithItsOwnDriverOnly() throws Exception {
    TestCertificates certs = new TestCertificates(dir);
    try (CatalogUnderTest catalog = CatalogUnderTest.open()) {
      catalog.catalog().folders().create("F", "");
      for (Map.Entry<String, String> p :
          Map.of("One", "1.0", "Two", "2.0", "Server", "3.0", "None", "").entrySet()) {
        Path folder = projectFolder(p.getKey(), p.getValue().isEmpty() ? null : p.getValue());
        catalog.catalog().projects().deploy("F", ProjectFiles.fromDirectory(folder).toArchive());
      }
      Master master =
          Master.start(
              MasterSettings.defaults(
                      dir.resolve("master.crt"), dir.resolve("master.key"), dir.resolve("ca.crt"))
                  .withPorts(0, 0),
              catalog.catalog(),
              catalog.context());
      certs.issueWorker("w1");
      Worker worker =
          new Worker(
              WorkerSettingsReader.parse(
                  certs.workerYaml("w1", List.of("https://localhost:" + master.workerPort()), ""),
                  dir));
      try {
        worker.start();
        enable(catalog, "w1");
        Map<String, Long> executions = new HashMap<>();
        for (String project : List.of("One", "Two", "None")) {
          executions.put(project, execute(catalog, project, true));
        }
        executions.put("Server", execute(catalog, "Server", false));
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    executions.values().stream()
                        .allMatch(id -> catalog.catalog().executions().get(id).state().isFinal()));

        Map<String, Integer> statuses = new TreeMap<>();
        executions.forEach(
            (project, id) ->
                statuses.put(project, catalog.catalog().executions().get(id).status()));
        assertThat(statuses)
            .as("7 succeeded, 4 failed")
            .isEqualTo(Map.of("None", 4, "One", 7, "Server", 7, "Two", 7));
        assertThat(seenBy("One")).isEqualTo("1.0 project");
        assertThat(seenBy("Two")).isEqualTo("2.0 project");
        assertThat(seenBy("Server")).isEqualTo("3.0 project");
        assertThat(
                catalog
                    .catalog()
                    .messages()
                    .ofExecution(executions.get("None"), MessageQuery.all()))
            .extracting(EventMessage::message)
            .anySatisfy(
                m ->
                    assertThat(m)
                        .contains("No suitable driver found for jdbc:sluicetest:")
                        .contains("put the driver's jar in the project's lib/ folder"));
      } finally {
        worker.close();
        master.close();
      }
    }
  }

  private static long execute(CatalogUnderTest catalog, String project, boolean scaleOut) {
    CreateExecution create = CreateExecution.of("F", project, "record");
    long id =
        catalog
            .catalog()
            .executions()
            .create(scaleOut ? create.inScaleOut(true).withAnyWorker(true) : create);
    catalog.catalog().executions().start(id, 0);
    return id;
  }

  private static void enable(CatalogUnderTest catalog, String name) {
    WorkerAgents agents = new WorkerAgents(catalog.jdbi());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> agents.list().stream().anyMatch(w -> w.displayName().equals(name)));
    WorkerAgent agent =
        agents.list().stream().filter(w -> w.displayName().equals(name)).findFirst().orElseThrow();
    agents.enable(agent.workerAgentId().toString());
  }
}
