package io.sluice.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.database.CatalogLocation;
import io.sluice.catalog.security.CatalogKey;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.cli.catalog.CliRun;
import io.sluice.cli.catalog.CliRun.Result;
import io.sluice.master.Master;
import io.sluice.master.config.MasterSettings;
import io.sluice.worker.Worker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real cluster for end-to-end tests: certificates in one folder (as {@link TestCertificates}
 * writes them, plus worker w1's), a master on an empty embedded catalog, and, once asked for, the
 * in-process worker w1, enabled. CLI commands reach the master as the administrator alice.
 */
final class TestCluster implements AutoCloseable {

  private final Path dir;
  private final CatalogLocation location;
  private final Path keyFile;
  private final CatalogDatabase database;
  private final Master master;
  private Worker worker;

  private TestCluster(Path dir) {
    this.dir = dir;
    TestCertificates.write(dir, "localhost", "127.0.0.1")
        .issueClient("w1", Duration.ofDays(1))
        .writePem(dir, "w1");
    location = TestCatalog.newEmptyDatabase();
    keyFile = dir.resolve("catalog.key");
    database = CatalogDatabase.open(location);
    CatalogContext context =
        new CatalogContext(database, CatalogKey.loadOrCreate(keyFile).cipher(), "master");
    master =
        Master.start(
            MasterSettings.defaults(
                    dir.resolve("master.crt"), dir.resolve("master.key"), dir.resolve("ca.crt"))
                .withPorts(0, 0)
                .withLease(Duration.ofSeconds(4), Duration.ofSeconds(1), Duration.ofMillis(100)),
            new LocalCatalog(context),
            context);
  }

  /** Writes the certificates to {@code dir} and starts the master (no worker yet). */
  static TestCluster start(Path dir) {
    return new TestCluster(dir);
  }

  /** Starts worker w1 and waits until the master lets alice enable it. */
  void startWorker() {
    worker = InProcessWorkers.startW1(dir, master.workerPort());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> remote("workers", "enable", "w1").exitCode() == 0);
  }

  /** {@code sluice <args>} against the master, as alice. */
  Result remote(String... args) {
    return CliRun.run(TestCertificates.asAlice(dir, master.managementPort(), args));
  }

  /**
   * {@code sluice project validate} of {@code project}, then its deploy to a new folder F: the two
   * results, for a test that expects both to say the same.
   */
  List<Result> validateAndDeploy(Path project) {
    Result validated = CliRun.run("project", "validate", project.toString());
    ok(remote("catalog", "folders", "create", "F"));
    return List.of(validated, remote("catalog", "deploy", project.toString(), "--folder", "F"));
  }

  /** The catalog's database, to read what the master stored. */
  CatalogDatabase database() {
    return database;
  }

  CatalogLocation location() {
    return location;
  }

  Path keyFile() {
    return keyFile;
  }

  /** The result, after asserting that the command exited 0 (its output as the description). */
  static Result ok(Result result) {
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    return result;
  }

  /** The execution id in "execution N started ..." of {@code execute --wait}. */
  static String executionId(String out) {
    var m = java.util.regex.Pattern.compile("(?i)execution (\\d+)").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return m.group(1);
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.close();
    }
    master.close();
    database.close();
  }
}
