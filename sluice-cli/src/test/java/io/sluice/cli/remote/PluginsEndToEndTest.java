package io.sluice.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.security.CatalogKey;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.cli.catalog.CliRun;
import io.sluice.cli.catalog.CliRun.Result;
import io.sluice.engine.testing.TestPluginJars;
import io.sluice.master.Master;
import io.sluice.master.config.MasterSettings;
import io.sluice.protocol.tls.CertificateAuthority;
import io.sluice.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins as a user meets them: examples/plugins/plugin-demo with the example plugins in lib/,
 * validated and run by the CLI, deployed through a real master and run on a real Scale Out worker;
 * and a plugin whose static initialiser leaves a file, which neither the CLI's validation nor the
 * master's deploy ever runs, while the worker that runs it does.
 */
class PluginsEndToEndTest {

  @TempDir Path dir;
  private CatalogDatabase database;
  private Master master;
  private Worker worker;

  @BeforeEach
  void start() {
    CertificateAuthority ca = CertificateAuthority.create("Test cluster CA", Duration.ofDays(30));
    ca.writePem(dir);
    ca.issueServer(List.of("localhost", "127.0.0.1"), Duration.ofDays(1)).writePem(dir, "master");
    ca.issueAdministrator("alice", Duration.ofDays(1)).writePem(dir, "alice");
    ca.issueClient("w1", Duration.ofDays(1)).writePem(dir, "w1");
    database = CatalogDatabase.open(TestCatalog.newEmptyDatabase());
    CatalogContext context =
        new CatalogContext(
            database, CatalogKey.loadOrCreate(dir.resolve("catalog.key")).cipher(), "master");
    master =
        Master.start(
            MasterSettings.defaults(
                    dir.resolve("master.crt"), dir.resolve("master.key"), dir.resolve("ca.crt"))
                .withPorts(0, 0)
                .withLease(Duration.ofSeconds(4), Duration.ofSeconds(1), Duration.ofMillis(100)),
            new LocalCatalog(context),
            context);
  }

  @AfterEach
  void stop() {
    if (worker != null) {
      worker.close();
    }
    master.close();
    database.close();
  }

  @Test
  void theExampleProjectRunsLocallyAndOnAWorker() throws Exception {
    Path project = demoWithPlugins();

    Result validated = CliRun.run("project", "validate", project.toString());
    assertThat(validated.exitCode()).as(validated.out() + validated.err()).isZero();
    Result local = CliRun.run("run", project.toString(), "--package", "main");
    assertThat(local.exitCode()).as(local.out() + local.err()).isZero();
    assertThat(local.out() + local.err())
        .contains("UpperCase changed 9 values")
        .contains("Greet: Hello from a plugin, 9");

    ok(remote("catalog", "folders", "create", "F"));
    ok(remote("catalog", "deploy", project.toString(), "--folder", "F"));
    startWorker();
    Result run =
        remote(
            "execute", "--folder", "F", "--project", "plugin-demo", "--package", "main", "--wait");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("started in scale out").contains("ended: 7 succeeded");
    Result messages = remote("catalog", "messages", executionId(run.out()));
    assertThat(messages.out())
        .contains("UpperCase changed 9 values")
        .contains("Greet: Hello from a plugin, 9");
  }

  @Test
  void aMisspeltPluginSettingIsRefusedByValidateAndDeployLikeABuiltInOne() throws Exception {
    Path project = demoWithPlugins();
    Path main = project.resolve("packages/main.yaml");
    Files.writeString(
        main, Files.readString(main).replace("column: Name, into", "colum: Name, into"));

    Result validated = CliRun.run("project", "validate", project.toString());
    ok(remote("catalog", "folders", "create", "F"));
    Result deployed = remote("catalog", "deploy", project.toString(), "--folder", "F");

    for (Result r : List.of(validated, deployed)) {
      assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
      assertThat(r.err())
          .contains("packages/main.yaml")
          .contains("component 'Shout' (UpperCase): unknown setting 'colum'")
          .contains("column");
    }
  }

  @Test
  void theCliAndTheMasterNeverLoadAPluginTheWorkerDoes() throws Exception {
    Path marker = dir.resolve("static-initialiser-ran");
    Path project = Files.createDirectories(dir.resolve("marked/packages"));
    Files.writeString(project.resolve("../project.yaml"), "name: marked\n");
    Files.writeString(
        project.resolve("main.yaml"), "tasks:\n  - {name: M, type: Marker, note: hi}\n");
    TestPluginJars.writeTo(project.getParent(), "marker.jar", TestPluginJars.markerTask(marker));

    ok(CliRun.run("project", "validate", project.getParent().toString()));
    ok(CliRun.run("project", "pack", project.getParent().toString(), "--output", dir.toString()));
    ok(remote("catalog", "folders", "create", "F"));
    ok(remote("catalog", "deploy", project.getParent().toString(), "--folder", "F"));
    assertThat(marker).as("validated, packed and deployed without loading").doesNotExist();

    startWorker();
    Result run =
        remote("execute", "--folder", "F", "--project", "marked", "--package", "main", "--wait");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(marker).as("the worker loaded and ran it").exists();
  }

  private void startWorker() {
    worker = InProcessWorkers.startW1(dir, master.workerPort());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> remote("workers", "enable", "w1").exitCode() == 0);
  }

  /** A copy of examples/plugins/plugin-demo with the example plugins' jar in lib/. */
  private Path demoWithPlugins() throws IOException {
    Path source = Path.of("..", "examples", "plugins", "plugin-demo");
    Path target = dir.resolve("plugin-demo");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path f : files.toList()) {
        Path t = target.resolve(source.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.copy(f, t);
        }
      }
    }
    TestPluginJars.writeTo(target, "example-plugins.jar", TestPluginJars.examples());
    return target;
  }

  /** The execution id in "execution N started ..." of {@code execute --wait}. */
  private static String executionId(String out) {
    var m = java.util.regex.Pattern.compile("(?i)execution (\\d+)").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return m.group(1);
  }

  private Result remote(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(
        List.of(
            "--master",
            "https://localhost:" + master.managementPort(),
            "--ca",
            dir.resolve("ca.crt").toString(),
            "--cert",
            dir.resolve("alice.crt").toString(),
            "--key",
            dir.resolve("alice.key").toString()));
    return CliRun.run(all.toArray(String[]::new));
  }

  private static Result ok(Result result) {
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    return result;
  }
}
