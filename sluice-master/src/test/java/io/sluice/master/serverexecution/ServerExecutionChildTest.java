package io.sluice.master.serverexecution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.runtime.RunResult;
import io.sluice.master.serverexecution.child.ChildLine;
import io.sluice.master.serverexecution.child.ChildRequest;
import io.sluice.master.serverexecution.child.ChildWire;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The child process on its own, as a master starts it, without a master: when its stdin closes (its
 * master was killed, even with -9), it cancels its package and ends, so it never runs on with no
 * one to record it.
 */
class ServerExecutionChildTest {

  @TempDir Path dir;

  @Test
  void aChildWhoseMasterIsGoneCancelsItsPackageAndEnds() throws Exception {
    Path archive = dir.resolve("p.spac");
    Files.write(
        archive,
        ProjectFiles.of(
                Map.of(
                    "project.yaml", "name: P\n".getBytes(StandardCharsets.UTF_8),
                    "packages/Long.yaml",
                        """
                        tasks:
                          - {name: Wait, type: ExecuteProcess, executable: sleep, arguments: "60"}
                        """
                            .getBytes(StandardCharsets.UTF_8)))
            .toArchive());
    Process child = new ProcessBuilder(ChildJvm.defaults().command()).start();
    try (OutputStream stdin = child.getOutputStream()) {
      stdin.write(
          (ChildWire.line(
                      new ChildRequest(archive.toString(), 1, 1, "Long", 1, List.of(), List.of()))
                  + "\n")
              .getBytes(StandardCharsets.UTF_8));
    } // closed: the master is gone

    assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child ended").isTrue();
    List<String> lines =
        new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    ChildLine.Result result = ChildWire.childLine(lines.get(lines.size() - 1)).result();
    assertThat(result.status()).isEqualTo(RunResult.Status.CANCELED);
    assertThat(child.exitValue()).isZero();
  }
}
