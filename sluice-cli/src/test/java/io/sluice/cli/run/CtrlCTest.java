package io.sluice.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.cli.SluiceCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C as a user presses it: SIGINT to a real {@code sluice run} process while its package waits
 * in a child process. The run is canceled and reported, the child is gone, the exit code is 1.
 */
class CtrlCTest {

  @TempDir Path dir;

  @Test
  void ctrlCCancelsTheRunReportsItAndExitsOne() throws Exception {
    Path output = dir.resolve("run.out");
    Process run =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SluiceCommand.class.getName(),
                "run",
                "../examples/slow",
                "--param",
                "ApiToken=x",
                "--param",
                "Seconds=120")
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> Files.readString(output).contains("started   \\wait\\Sleep"));
      // "started" is logged just before the task spawns its child: wait for the child itself.
      await()
          .atMost(Duration.ofSeconds(30))
          .alias("the package's /bin/sleep")
          .until(() -> run.descendants().findAny().isPresent());
      List<ProcessHandle> sleeping = run.descendants().toList();

      new ProcessBuilder("kill", "-INT", String.valueOf(run.pid())).start().waitFor();

      assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("ended after Ctrl-C").isTrue();
      assertThat(run.exitValue()).as(Files.readString(output)).isEqualTo(1);
      assertThat(Files.readString(output))
          .contains("canceling the run")
          .contains("\\wait\\Sleep  CANCELED")
          .contains("Package wait: CANCELED");
      assertThat(sleeping).noneMatch(ProcessHandle::isAlive);
    } finally {
      run.destroyForcibly();
    }
  }
}
