package io.sluice.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.cli.SluiceCommand;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.protocol.worker.TaskResult;
import io.sluice.worker.testing.FakeMaster;
import io.sluice.worker.testing.TestCertificates;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sluice worker} as operators run it: in a process of its own, stopped by signals. */
class WorkerCommandTest {

  @TempDir Path dir;
  private TestCertificates certs;
  private FakeMaster master;
  private Process process;

  @BeforeEach
  void start() throws Exception {
    certs = new TestCertificates(dir);
    master = FakeMaster.start(certs.masterContext("master"), 0);
  }

  @AfterEach
  void stop() {
    if (process != null) {
      process.destroyForcibly();
    }
    master.close();
  }

  private static byte[] project(int sleepSeconds) {
    String yaml =
        """
        variables:
          - {name: N, type: Int32, value: 0}
        tasks:
          - {name: Before, type: Expression, expression: "@[User::N] = 1"}
          - {name: Wait, type: ExecuteProcess, executable: sleep, arguments: "%d", after: Before}
        """
            .formatted(sleepSeconds);
    return ProjectFiles.of(
            Map.of(
                "project.yaml", "name: t\n".getBytes(StandardCharsets.UTF_8),
                "packages/p.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
        .toArchive();
  }

  private Process worker() throws Exception {
    Path config = dir.resolve("worker.yaml");
    Files.writeString(config, certs.workerYaml(List.of(master.endpoint()), ""));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process =
        new ProcessBuilder(
                java,
                "-Xmx128m",
                // the CLI's own logging (worker at INFO), not the tests' quiet one
                "-Dlogback.configurationFile="
                    + Path.of("src/main/resources/logback.xml").toAbsolutePath(),
                "-cp",
                System.getProperty("java.class.path"),
                SluiceCommand.class.getName(),
                "worker",
                "--config",
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target", "worker-" + System.nanoTime() + ".log").toFile())
            .start();
    return process;
  }

  @Test
  void sigtermLetsTheRunningTaskFinishAndExitsCleanly() throws Exception {
    Process p = worker();
    master.submit(1, "p", project(2), 0);
    await().atMost(Duration.ofSeconds(30)).until(() -> !master.batches(1, 1).isEmpty());

    p.destroy(); // SIGTERM
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("128 + SIGTERM, as every JVM service").isEqualTo(143);
    TaskResult result = master.results.get("1/1");
    assertThat(result).isNotNull();
    assertThat(result.outcome()).isEqualTo(TaskResult.Outcome.SUCCEEDED);
  }

  @Test
  void aKilledWorkersAttemptIsReportedByItsNextStartAndTheRetryRuns() throws Exception {
    Process p = worker();
    master.submit(2, "p", project(60), 0);
    await().atMost(Duration.ofSeconds(30)).until(() -> !master.batches(2, 1).isEmpty());
    p.destroyForcibly(); // kill -9: no shutdown hook, no goodbye
    p.waitFor(10, TimeUnit.SECONDS);
    // The in-test master keeps serving a poll the dead worker left open (up to 300 ms) and would
    // hand it the retry; a real master re-queues such a task when its lease runs out.
    Thread.sleep(1_000);

    // The master hands the task out again as attempt 2; the restarted worker first reports
    // what the killed one left (attempt 1 is stale now: refused), then runs the retry.
    master.submit(2, "p", project(0), 0);
    worker();
    // Generous: a JVM starts on a machine that may be busy with other builds.
    await().atMost(Duration.ofSeconds(60)).until(() -> master.results.containsKey("2/2"));
    assertThat(master.results.get("2/2").outcome()).isEqualTo(TaskResult.Outcome.SUCCEEDED);
    assertThat(master.results).doesNotContainKey("2/1");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.list(dir.resolve("cache")).findAny().isEmpty());
  }

  @Test
  void aWrongConfigIsAnErrorWithAHintAndExitCodeTwo() throws Exception {
    Files.writeString(dir.resolve("bad.yaml"), "masters: [https://m1]\nmaxTasks: 3\n");
    StringWriter err = new StringWriter();
    CommandLine cli = SluiceCommand.commandLine();
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("worker", "--config", dir.resolve("bad.yaml").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("error: " + dir.resolve("bad.yaml") + ": unknown setting 'maxTasks'")
        .contains("hint: did you mean maxTaskCount?");
    assertThat(new File(dir.toFile(), "cache")).doesNotExist();
  }
}
