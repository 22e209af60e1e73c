package io.sluice.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder for the embedded PostgreSQL programs that is not the user's alone is refused with a hint
 * of its own (remove it), not the generic "report it if it looks like a bug". A real process: the
 * folder is chosen once per JVM, from its java.io.tmpdir, which here is a folder of the test's.
 */
class PostgresProgramsFolderRefusalTest {

  @TempDir Path tmp;
  @TempDir Path dataDir;

  @Test
  void aProgramsFolderOthersMayEnterIsRefusedWithTheHintToRemoveIt() throws Exception {
    String me = System.getProperty("user.name");
    Path folder = Files.createDirectory(tmp.resolve("sluice-postgres-" + me));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                System.getProperty("java.class.path"),
                "io.sluice.cli.SluiceCommand",
                "catalog",
                "folders",
                "list",
                "--data-dir",
                dataDir.toString())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().remove("SLUICE_DEBUG");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isEqualTo(1);
    assertThat(output.lines().toList())
        .as(output)
        .contains(
            "error: cannot start the embedded catalog: the folder for the PostgreSQL programs, "
                + folder
                + ", is not this user's alone (others may enter it: mode rwxrwxrwx), so sluice"
                + " will not run programs from it",
            "hint: remove it and run the command again: rm -rf "
                + folder
                + " (it holds only the programs sluice unpacks)");
    assertThat(output).doesNotContain("SLUICE_DEBUG");
    try (Stream<Path> unpacked = Files.list(folder)) {
      assertThat(unpacked).as("nothing unpacked into it").isEmpty();
    }
  }
}
