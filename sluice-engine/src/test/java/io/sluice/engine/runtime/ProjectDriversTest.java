package io.sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import io.sluice.engine.testing.TestDriverJars;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JDBC drivers a project ships in lib/: each run connects through its own project's jars, in a
 * class loader of its own, against a real PostgreSQL behind the test driver.
 */
class ProjectDriversTest {

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create table seen (project text, version text, context_loader text)");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  /** A project whose package records which driver version it connected through. */
  private static TestProjects project(String name) {
    String url = TestDriverJars.url(postgres.getJdbcUrl("postgres", "postgres"));
    return TestProjects.project(
            """
            name: NAME
            connections:
              - {name: Db, type: jdbc, url: 'URL'}
            """
                .replace("NAME", name)
                .replace("URL", url))
        .file(
            "packages/p.yaml",
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
  }

  @Test
  void twoProjectsWithTwoVersionsOfOneDriverEachConnectThroughTheirOwn() throws Exception {
    TestProjects one = project("one").file("lib/sluicetest.jar", TestDriverJars.driverJar("1.0"));
    TestProjects two = project("two").file("lib/sluicetest.jar", TestDriverJars.driverJar("2.0"));
    RecordingSink sinkOne = new RecordingSink();
    RecordingSink sinkTwo = new RecordingSink();

    // at the same time, several times each: two loaders with the same driver class name side by
    // side
    CompletableFuture<Boolean> runsOne =
        CompletableFuture.supplyAsync(() -> runThreeTimes(one, sinkOne));
    CompletableFuture<Boolean> runsTwo =
        CompletableFuture.supplyAsync(() -> runThreeTimes(two, sinkTwo));

    assertThat(runsOne.get()).as(sinkOne.messages(MessageType.ERROR).toString()).isTrue();
    assertThat(runsTwo.get()).as(sinkTwo.messages(MessageType.ERROR).toString()).isTrue();
    assertThat(seen()).containsEntry("one", "1.0 project").containsEntry("two", "2.0 project");
  }

  @Test
  void aProjectWithoutTheJarCannotUseTheDriverAnotherProjectShips() {
    RecordingSink withJar = new RecordingSink();
    assertThat(
            project("with")
                .file("lib/sluicetest.jar", TestDriverJars.driverJar("1.0"))
                .run("p", withJar)
                .succeeded())
        .as(withJar.messages(MessageType.ERROR).toString())
        .isTrue();

    RecordingSink without = new RecordingSink();
    RunResult result = project("without").run("p", without);

    assertThat(result.succeeded()).isFalse();
    assertThat(String.join("\n", without.messages(MessageType.ERROR)))
        .contains("No suitable driver found for jdbc:sluicetest:")
        .contains("put the driver's jar in the project's lib/ folder");
  }

  private static boolean runThreeTimes(TestProjects project, RecordingSink sink) {
    boolean all = true;
    for (int i = 0; i < 3; i++) {
      all &= project.run("p", sink).succeeded();
    }
    return all;
  }

  /** Project name -> "version context_loader" of every row recorded (one per project expected). */
  private static Map<String, String> seen() throws Exception {
    Map<String, String> seen = new HashMap<>();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery("select distinct project, version, context_loader from seen")) {
      while (rs.next()) {
        String previous = seen.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3));
        assertThat(previous).as("one version per project").isNull();
      }
    }
    return seen;
  }
}
