package io.sluice.master.catalogapi;

import io.sluice.master.http.ApiException;
import io.sluice.master.serverexecution.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An SSIS .ispac sent to the deploy route (the console's upload, or any client's), turned into the
 * Sluice project archive the catalog stores. The import runs in a process of its own ({@code
 * io.sluice.ssis.isolated.IsolatedImport}, named here only as text: the master has no compile-time
 * dependency on sluice-ssis), so SSIS's XML, the importer's hostile-input surface, is never parsed
 * in the process that holds the catalog's credentials and key, and a pathological file can cost
 * that process only its time-out (docs/architecture.md). The child gets none of Sluice's
 * environment variables, a heap of its own and the upload on stdin.
 */
final class IspacUploads {

  static final String MAIN = "io.sluice.ssis.isolated.IsolatedImport";

  /** Longer than any import of a real project takes (the largest public one: about 2 s). */
  static final Duration TIME_OUT = Duration.ofMinutes(2);

  private static final byte[] MANIFEST = "@Project.manifest".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PROJECT_YAML = "project.yaml".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_ERROR_BYTES = 16 * 1024;

  /** Imports at once: each child takes up to 512 MB and a core. */
  static final int MAX_AT_ONCE = 2;

  private final long maxArchiveBytes;
  private final Semaphore running = new Semaphore(MAX_AT_ONCE);

  IspacUploads(long maxArchiveBytes) {
    this.maxArchiveBytes = maxArchiveBytes;
  }

  /**
   * Whether {@code body} is an .ispac: a zip archive with an {@code @Project.manifest} and no
   * {@code project.yaml}. Entry names stand uncompressed in a zip's headers, so this reads no entry
   * (a zip bomb costs nothing here).
   */
  static boolean isIspac(byte[] body) {
    return body.length > 4
        && body[0] == 'P'
        && body[1] == 'K'
        && body[2] == 3
        && body[3] == 4
        && indexOf(body, MANIFEST) >= 0
        && indexOf(body, PROJECT_YAML) < 0;
  }

  /**
   * The name an upload is called by in messages and the import report: the {@code file} query
   * parameter's last path segment, printable characters only, at most 100; {@code upload.ispac}
   * without one.
   */
  static String uploadName(String file) {
    String name =
        file == null
            ? ""
            : file.replaceAll(".*[/\\\\]", "").replaceAll("[^\\p{Print}]", "").strip();
    if (name.length() > 100) {
      name = name.substring(0, 100);
    }
    return name.isEmpty() ? "upload.ispac" : name;
  }

  /** The .spac the isolated import makes of {@code ispac}, or a refusal naming what is wrong. */
  byte[] toProjectArchive(byte[] ispac, String name) {
    if (ClassLoader.getSystemResource(MAIN.replace('.', '/') + ".class") == null) {
      throw new ApiException(
          501,
          "this master cannot import SSIS projects: the SSIS importer (sluice-ssis) is not on its"
              + " class path",
          "deploy the .ispac with the sluice command (sluice catalog deploy X.ispac --master"
              + " ...), which imports it before it sends it, or run a master of the full"
              + " distribution");
    }
    try {
      if (!running.tryAcquire(TIME_OUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new ApiException(
            503,
            "this master is importing " + MAX_AT_ONCE + " other .ispac uploads",
            "deploy again in a minute; nothing was stored");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "the master is stopping", "deploy again");
    }
    try {
      return run(ispac, name);
    } finally {
      running.release();
    }
  }

  private byte[] run(byte[] ispac, String name) {
    Process process = start(name);
    CompletableFuture<Void> feeding =
        CompletableFuture.runAsync(
            () -> {
              try (OutputStream in = process.getOutputStream()) {
                in.write(ispac);
              } catch (IOException childStoppedReading) {
                // it exited early (a refusal): its exit code and stderr say why
              }
            });
    CompletableFuture<byte[]> errors =
        CompletableFuture.supplyAsync(() -> readAtMost(process.getErrorStream(), MAX_ERROR_BYTES));
    byte[] archive;
    try {
      archive = readAtMost(process.getInputStream(), maxArchiveBytes + 1);
      if (!process.waitFor(TIME_OUT.toSeconds(), TimeUnit.SECONDS)) {
        throw timedOut(process, name);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new ApiException(503, "the master is stopping", "deploy again");
    } finally {
      feeding.cancel(true);
    }
    List<String> stderr =
        new String(errors.join(), StandardCharsets.UTF_8).lines().map(String::strip).toList();
    int exit = process.exitValue();
    if (exit == 2 && !stderr.isEmpty()) {
      throw ApiException.badRequest(
          name + ": " + stderr.get(0),
          (stderr.size() > 1 && !stderr.get(1).isEmpty() ? stderr.get(1) + "; " : "")
              + "nothing was stored");
    }
    if (exit != 0) {
      throw new ApiException(
          500,
          "the import of "
              + name
              + " failed (its process exited with code "
              + exit
              + "): "
              + lastLine(stderr),
          "import it with sluice import ssis to see the whole error; nothing was stored");
    }
    if (archive.length > maxArchiveBytes) {
      throw ApiException.payloadTooLarge(
          "the project imported from " + name + " is larger than " + maxArchiveBytes + " bytes",
          "nothing was stored");
    }
    return archive;
  }

  private Process start(String name) {
    List<String> command =
        ChildJvm.command(
            List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
            MAIN,
            name,
            String.valueOf(maxArchiveBytes));
    ProcessBuilder builder = new ProcessBuilder(command);
    ChildJvm.withoutSluiceVariables(builder.environment());
    try {
      return builder.start();
    } catch (IOException e) {
      throw new ApiException(
          500, "cannot start the import of " + name + ": " + e.getMessage(), "deploy again");
    }
  }

  private static ApiException timedOut(Process process, String name) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    return new ApiException(
        400,
        "the import of "
            + name
            + " took longer than "
            + TIME_OUT.toSeconds()
            + " s and was stopped",
        "import it with sluice import ssis to see where it stalls; nothing was stored");
  }

  private static String lastLine(List<String> lines) {
    return lines.stream()
        .filter(l -> !l.isEmpty())
        .reduce((first, second) -> second)
        .orElse("(it printed nothing)");
  }

  /** Up to {@code limit} bytes, then drains the rest so the child never blocks writing. */
  private static byte[] readAtMost(InputStream in, long limit) {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    try (in) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        int keep = (int) Math.max(0, Math.min(n, limit - kept.size()));
        kept.write(buffer, 0, keep);
      }
    } catch (IOException closed) {
      // the child is gone; what was read is what there is
    }
    return kept.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] what) {
    outer:
    for (int i = 0; i <= data.length - what.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (data[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
