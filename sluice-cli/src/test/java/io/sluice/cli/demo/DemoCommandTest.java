package io.sluice.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.SluiceCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice demo --once}: the embedded catalog, a master, two workers, executions, a table. */
class DemoCommandTest {

  @TempDir Path dataDir;
  @TempDir Path demoDir;

  @Test
  void runsEveryExecutionOnTheDemoWorkersAndExitsZero() {
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
                  Path.of("..", "examples").toString());
    } finally {
      System.setOut(original);
    }
    String printed = out.toString(StandardCharsets.UTF_8);

    assertThat(code).as(printed).isZero();
    assertThat(printed.split("7 succeeded", -1)).as(printed).hasSize(5);
    assertThat(printed).contains("worker-");
    assertThat(demoDir.resolve("certs/ca.crt")).exists();
    assertThat(demoDir.resolve("worker-1.yaml")).exists();
  }
}
