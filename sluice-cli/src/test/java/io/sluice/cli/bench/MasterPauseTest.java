package io.sluice.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.database.CatalogLocation;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.message.EventMessage;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.security.CatalogKey;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.worker.testing.TestCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master stopped with SIGSTOP while it runs a server-mode execution, the catalog answering all
 * along (a review saw "the catalog did not answer" recorded for this): a real master process, a 2 s
 * lease, a 6 s pause. The execution ends 6 with the pause named, and nothing blames the catalog.
 */
class MasterPauseTest {

  @TempDir Path dir;
  private CatalogDatabase database;
  private SluiceProcess master;

  @AfterEach
  void stop() {
    if (master != null) {
      master.stop();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aPausedMasterSaysItWasPausedNotThatTheCatalogDidNotAnswer() throws Exception {
    new TestCertificates(dir); // ca.crt, master.crt/.key for localhost
    CatalogLocation location = TestCatalog.newEmptyDatabase();
    database = CatalogDatabase.open(location);
    Catalog catalog =
        new LocalCatalog(
            new CatalogContext(
                database, CatalogKey.loadOrCreate(dir.resolve("catalog.key")).cipher(), "test"));
    catalog.folders().create("F", "");
    catalog.projects().deploy("F", project());
    Path config = dir.resolve("master-1.yaml");
    Files.writeString(
        config,
        """
        name: master-1
        host: 127.0.0.1
        port: %d
        managementPort: %d
        advertisedAddress: localhost
        tls: {certificate: master.crt, key: master.key, ca: ca.crt}
        catalog: {url: "%s", user: %s, keyFile: catalog.key}
        leaseInterval: 2s
        grace: 1s
        """
            .formatted(
                ChaosCluster.freePort(),
                ChaosCluster.freePort(),
                location.jdbcUrl(),
                location.user()));
    master =
        new SluiceProcess(
            "master-1",
            "256m",
            Path.of("src/main/resources/logback.xml").toAbsolutePath(),
            dir.resolve("master-1.log"),
            "master-1",
            "master",
            "--config",
            config.toString());
    master.start();
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> Files.readString(master.log()).contains("serving workers"));
    long id = catalog.executions().create(CreateExecution.of("F", "S", "Long").inScaleOut(false));
    catalog.executions().start(id, 0);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> messages(catalog, id).stream().anyMatch(m -> m.messageType() == 30));

    signal("-STOP");
    // 6 s stopped: three times the lease, while the catalog answers everyone else.
    await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(7)).until(() -> true);
    signal("-CONT");

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> catalog.executions().get(id).state().isFinal());
    List<String> errors =
        messages(catalog, id).stream()
            .filter(m -> m.messageType() == 120)
            .map(EventMessage::message)
            .toList();
    assertThat(catalog.executions().get(id).state())
        .as("%s", errors)
        .isEqualTo(OperationStatus.ENDED_UNEXPECTEDLY);
    assertThat(errors)
        .anyMatch(m -> m.contains("master master-1") && m.contains("paused"))
        .noneMatch(m -> m.contains("catalog did not answer") || m.contains("has not answered"));
  }

  private void signal(String signal) throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", signal, String.valueOf(master.pid())).inheritIO().start();
    assertThat(kill.waitFor()).isZero();
  }

  private static List<EventMessage> messages(Catalog catalog, long id) {
    return catalog.messages().ofExecution(id, MessageQuery.all());
  }

  /** Package Long waits two minutes in a child process: it is stopped long before. */
  private static byte[] project() {
    return ProjectFiles.of(
            Map.of(
                "project.yaml",
                "name: S\n".getBytes(StandardCharsets.UTF_8),
                "packages/Long.yaml",
                """
                tasks:
                  - {name: Wait, type: ExecuteProcess, executable: sleep, arguments: "120"}
                """
                    .getBytes(StandardCharsets.UTF_8)))
        .toArchive();
  }
}
