package io.sluice.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.cli.SluiceCommand;
import io.sluice.cli.catalog.CliRun;
import io.sluice.cli.catalog.CliRun.Result;
import io.sluice.protocol.tls.Fingerprints;
import io.sluice.protocol.tls.Pem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice demo --once}: the embedded catalog, a master, two workers, executions, a table. */
class DemoCommandTest {

  private static final String EXAMPLES = Path.of("..", "examples").toString();

  @TempDir Path dataDir;
  @TempDir Path demoDir;

  @Test
  void runsEveryExecutionOnTheDemoWorkersAndExitsZero() throws Exception {
    // the ports a user moves the demo to when 8391/8392 or a PostgreSQL port are taken
    int[] ports = freePorts(3);
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      code =
          SluiceCommand.commandLine()
              .execute(
                  "demo",
                  "--once",
                  "--executions",
                  "4",
                  "--data-dir",
                  dataDir.toString(),
                  "--demo-dir",
                  demoDir.toString(),
                  "--examples",
                  EXAMPLES,
                  "--port",
                  String.valueOf(ports[0]),
                  "--management-port",
                  String.valueOf(ports[1]),
                  "--embedded-catalog-port",
                  String.valueOf(ports[2]));
    } finally {
      System.setOut(original);
    }
    String printed = out.toString(StandardCharsets.UTF_8);

    assertThat(code).as(printed).isZero();
    assertThat(printed)
        .contains("master on https://localhost:" + ports[0] + " ")
        .contains("and :" + ports[1] + " (health");
    assertThat(printed).contains("Using the embedded catalog on port " + ports[2] + ".");
    assertThat(printed)
        .contains("web console on https://localhost:" + ports[1] + "/console/")
        .containsPattern("sign in with the demo token:\\s+sluice_[A-Za-z0-9_-]{43}\\s");
    assertThat(printed.split("7 succeeded", -1)).as(printed).hasSize(5);
    assertThat(printed).contains("worker-");
    assertThat(demoDir.resolve("certs/ca.crt")).exists();
    assertThat(demoDir.resolve("worker-1.yaml")).exists();
  }

  @Test
  void withADataDirAndNoDemoDirItWritesIntoTheDataDirNotTheHomeFolder(@TempDir Path home) {
    String realHome = System.getProperty("user.home");
    Result run;
    try {
      System.setProperty("user.home", home.toString());
      run =
          CliRun.run(
              "demo",
              "--once",
              "--executions",
              "1",
              "--data-dir",
              dataDir.toString(),
              "--examples",
              EXAMPLES);
    } finally {
      System.setProperty("user.home", realHome);
    }

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    Path demo = dataDir.resolve("demo");
    assertThat(run.out()).contains("(certificates in " + demo.resolve("certs") + ")");
    assertThat(demo.resolve("certs/ca.crt")).exists();
    assertThat(demo.resolve("worker-1.yaml")).exists();
    assertThat(home.resolve(".sluice")).as("nothing written into the home folder").doesNotExist();
  }

  @Test
  void runsAgainAfterItsWorkerWasRemovedAndEnablesOnlyItsOwnWorkers(@TempDir Path otherDemoDir)
      throws Exception {
    Result first = demo(demoDir);
    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    String removedWorker2 = fingerprint(demoDir, "worker-2");
    Result removed = sluice("workers", "remove", "worker-2");
    assertThat(removed.exitCode()).as(removed.out() + removed.err()).isZero();

    Result again = demo(demoDir);
    assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
    assertThat(again.out())
        .containsOnlyOnce("  worker-2's certificate is that of removed worker ")
        .contains(": issued it a new one");
    assertThat(fingerprint(demoDir, "worker-2")).isNotEqualTo(removedWorker2);
    assertThat(enabled(removedWorker2)).as("the removed worker stays removed").isFalse();

    // Another demo folder on the same catalog has workers of the same names: it enables its own.
    Result disabled = sluice("workers", "disable", "worker-1");
    assertThat(disabled.exitCode()).as(disabled.out() + disabled.err()).isZero();
    Result other = demo(otherDemoDir);
    assertThat(other.exitCode()).as(other.out() + other.err()).isZero();
    assertThat(enabled(fingerprint(demoDir, "worker-1")))
        .as("the first demo folder's worker-1 stays disabled")
        .isFalse();
    assertThat(enabled(fingerprint(otherDemoDir, "worker-1"))).isTrue();
    assertThat(enabled(fingerprint(otherDemoDir, "worker-2"))).isTrue();
  }

  @Test
  void aPortThatIsTakenIsRefusedNamingIt() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Result run =
          sluice(
              "catalog", "folders", "list", "--embedded-catalog-port", "" + taken.getLocalPort());
      assertThat(run.exitCode()).isNotZero();
      assertThat(run.err())
          .contains("the embedded catalog cannot listen on port " + taken.getLocalPort())
          .contains("in use");
    }
  }

  private static int[] freePorts(int n) throws java.io.IOException {
    java.net.ServerSocket[] sockets = new java.net.ServerSocket[n];
    int[] ports = new int[n];
    try {
      for (int i = 0; i < n; i++) {
        sockets[i] = new java.net.ServerSocket(0);
        ports[i] = sockets[i].getLocalPort();
      }
    } finally {
      for (java.net.ServerSocket socket : sockets) {
        if (socket != null) {
          socket.close();
        }
      }
    }
    return ports;
  }

  private Result demo(Path folder) {
    return sluice(
        "demo",
        "--once",
        "--executions",
        "2",
        "--demo-dir",
        folder.toString(),
        "--examples",
        EXAMPLES);
  }

  /** {@code sluice ARGS} on this test's embedded catalog. */
  private Result sluice(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(List.of("--data-dir", dataDir.toString()));
    return CliRun.run(all.toArray(String[]::new));
  }

  private static String fingerprint(Path demoFolder, String worker) {
    return Fingerprints.sha256(
        Pem.readCertificates(demoFolder.resolve("certs").resolve(worker + ".crt")).get(0));
  }

  /** Whether the worker with this certificate is enabled, as sluice workers list --json says. */
  private boolean enabled(String fingerprint) throws Exception {
    Result listed = sluice("workers", "list", "--json");
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    JsonNode workers = new ObjectMapper().readTree(listed.out());
    List<JsonNode> matching =
        StreamSupport.stream(workers.spliterator(), false)
            .filter(w -> fingerprint.equals(w.path("certificateFingerprint").asText()))
            .toList();
    assertThat(matching).as(listed.out()).hasSize(1);
    return matching.get(0).path("enabled").asBoolean();
  }
}
