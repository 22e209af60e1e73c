package io.sluice.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.database.EmbeddedCatalog;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While one process runs the embedded catalog, another {@code sluice} process uses that server
 * instead of starting a second one on the same data folder. Real processes: the OS file lock that
 * decides ownership is per process.
 */
class SharedEmbeddedCatalogTest {

  @TempDir Path dataDir;

  @Test
  void aSecondProcessAttachesToTheRunningEmbeddedCatalog() throws Exception {
    try (EmbeddedCatalog owner = EmbeddedCatalog.attachOrStart(dataDir)) {
      assertThat(owner.ownsServer()).isTrue();

      Result created =
          sluice("catalog", "folders", "create", "shared", "--data-dir", dataDir.toString());
      assertThat(created.exitCode()).as(created.output()).isZero();

      try (CatalogDatabase db = CatalogDatabase.open(owner.location())) {
        List<String> folders =
            db.jdbi()
                .withHandle(
                    h -> h.createQuery("select name from folder").mapTo(String.class).list());
        assertThat(folders).containsExactly("shared");
      }
      // The child used the owner's server: it never wrote its own server.properties pid.
      assertThat(java.nio.file.Files.readString(dataDir.resolve("server.properties")))
          .contains("pid=" + ProcessHandle.current().pid());
    }

    // With the owner gone, the next process starts the server itself and finds the data kept.
    Result listed = sluice("catalog", "folders", "list", "--data-dir", dataDir.toString());
    assertThat(listed.exitCode()).as(listed.output()).isZero();
    assertThat(listed.output()).contains("shared");
  }

  record Result(int exitCode, String output) {}

  private static Result sluice(String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                java, "-cp", System.getProperty("java.class.path"), "io.sluice.cli.SluiceCommand"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
