package io.sluice.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.database.CatalogLocation;
import io.sluice.catalog.execution.ExecutionFilter;
import io.sluice.catalog.security.CatalogKey;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.cli.SluiceCommand;
import io.sluice.engine.project.ProjectArchive;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice execute --scale-out --wait} against a real master and two real workers (in this
 * JVM, over mutual TLS), then {@code sluice executions} showing which worker ran it.
 */
class ScaleOutExecuteTest {

  @TempDir Path dir;

  @Test
  void executeWaitsForTheWorkerAndReportsTheOutcome() {
    CatalogLocation location = TestCatalog.newEmptyDatabase();
    Path keyFile = dir.resolve("catalog.key");
    var key = CatalogKey.loadOrCreate(keyFile);
    try (CatalogDatabase db = CatalogDatabase.open(location)) {
      CatalogContext context = new CatalogContext(db, key.cipher(), "test");
      LocalCatalog catalog = new LocalCatalog(context);
      catalog.folders().create("demo", "");
      catalog
          .projects()
          .deploy("demo", ProjectArchive.fromPath(Path.of("..", "examples", "hello")));
      try (DemoCluster cluster =
          DemoCluster.start(
              dir.resolve("cluster"),
              catalog,
              context,
              List.of("w1", "w2"),
              DemoCluster.Ports.defaults(),
              System.out)) {
        String[] target = {
          "--catalog-url", location.jdbcUrl(), "--catalog-key-file", keyFile.toString()
        };

        Run executed =
            sluice(
                target,
                "execute",
                "--folder",
                "demo",
                "--project",
                "hello",
                "--package",
                "hello",
                "--scale-out",
                "--wait");
        assertThat(executed.code()).as(executed.out()).isZero();
        assertThat(executed.out()).contains("started in scale out").contains("7 succeeded");

        Run listed = sluice(target, "executions", "--folder", "demo");
        assertThat(listed.code()).as(listed.out()).isZero();
        assertThat(listed.out()).contains("scale out").contains("7 succeeded");
        // the worker by the name `sluice workers list` shows, not its id
        String workerName =
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery(
                                "select w.display_name from execution e join worker_agent w"
                                    + " using (worker_agent_id)")
                            .mapTo(String.class)
                            .one());
        assertThat(workerName).isIn("w1", "w2");
        assertThat(listed.out()).containsPattern("scale out +" + workerName + " ");
      }
    }
  }

  @Test
  void aServerModeExecuteIsTakenByTheRunningMasterAndTheCommandNeedNotStayUp() {
    CatalogLocation location = TestCatalog.newEmptyDatabase();
    Path keyFile = dir.resolve("catalog.key");
    var key = CatalogKey.loadOrCreate(keyFile);
    try (CatalogDatabase db = CatalogDatabase.open(location)) {
      CatalogContext context = new CatalogContext(db, key.cipher(), "test");
      LocalCatalog catalog = new LocalCatalog(context);
      catalog.folders().create("demo", "");
      catalog
          .projects()
          .deploy("demo", ProjectArchive.fromPath(Path.of("..", "examples", "hello")));
      try (DemoCluster cluster =
          DemoCluster.start(
              dir.resolve("cluster"),
              catalog,
              context,
              List.of("w1"),
              DemoCluster.Ports.defaults(),
              System.out)) {
        String[] target = {
          "--catalog-url", location.jdbcUrl(), "--catalog-key-file", keyFile.toString()
        };
        String[] hello = {"--folder", "demo", "--project", "hello", "--package", "hello"};

        Run handedOver = sluice(target, concat(new String[] {"execute", "--no-scale-out"}, hello));
        assertThat(handedOver.code()).as(handedOver.out()).isZero();
        assertThat(handedOver.out()).contains("started on a master");
        long id = catalog.executions().list(ExecutionFilter.all()).get(0).executionId();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> catalog.executions().get(id).status() == 7);
        assertThat(catalog.executions().get(id).workerAgentId()).as("no worker ran it").isNull();

        Run followed =
            sluice(target, concat(new String[] {"execute", "--no-scale-out", "--wait"}, hello));
        assertThat(followed.code()).as(followed.out()).isZero();
        assertThat(followed.out()).contains("started on a master").contains("7 succeeded");
      }
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  record Run(int code, String out) {}

  private static Run sluice(String[] target, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(target));
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      int code = SluiceCommand.commandLine().execute(all.toArray(String[]::new));
      return new Run(code, out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }
}
