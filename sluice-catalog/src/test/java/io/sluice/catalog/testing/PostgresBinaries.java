package io.sluice.catalog.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The PostgreSQL server programs installed on the machine (initdb, pg_ctl, pg_basebackup), run as
 * they must be: PostgreSQL refuses to run as root, so when this JVM is root (CI containers) every
 * program runs as the {@code postgres} OS user through {@code runuser}, in folders that user owns.
 *
 * <p>Found in {@code $SLUICE_PG_BIN}, else the newest {@code /usr/lib/postgresql/N/bin} (Debian and
 * Ubuntu's layout), else {@code /usr/pgsql-N/bin} (the PGDG RPMs').
 */
public final class PostgresBinaries {

  private static final String OS_USER = "postgres";

  private final Path bin;
  private final boolean asOtherUser;

  private PostgresBinaries(Path bin, boolean asOtherUser) {
    this.bin = bin;
    this.asOtherUser = asOtherUser;
  }

  /** The binaries, or empty when this machine has none (tests then skip, saying why). */
  public static Optional<PostgresBinaries> find() {
    Optional<Path> bin = binFolder();
    if (bin.isEmpty()) {
      return Optional.empty();
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root && !Files.isExecutable(Path.of("/usr/sbin/runuser"))) {
      return Optional.empty();
    }
    return Optional.of(new PostgresBinaries(bin.get(), root));
  }

  /** Why {@link #find()} is empty, for the skip message. */
  public static String whereLooked() {
    return "PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) in $SLUICE_PG_BIN,"
        + " /usr/lib/postgresql/N/bin or /usr/pgsql-N/bin (and runuser with a postgres user when"
        + " running as root)";
  }

  private static Optional<Path> binFolder() {
    String env = System.getenv("SLUICE_PG_BIN");
    if (env != null && !env.isBlank()) {
      return Optional.of(Path.of(env)).filter(PostgresBinaries::complete);
    }
    List<Path> candidates = new ArrayList<>();
    for (String parent : List.of("/usr/lib/postgresql", "/usr")) {
      Path folder = Path.of(parent);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> children = Files.list(folder)) {
        children
            .filter(
                p ->
                    parent.equals("/usr/lib/postgresql")
                        || p.getFileName().toString().startsWith("pgsql-"))
            .map(p -> p.resolve("bin"))
            .filter(PostgresBinaries::complete)
            .forEach(candidates::add);
      } catch (IOException e) {
        // an unreadable folder holds nothing we can run
      }
    }
    return candidates.stream().max(Comparator.comparingInt(PostgresBinaries::majorVersion));
  }

  private static boolean complete(Path bin) {
    return Stream.of("initdb", "pg_ctl", "pg_basebackup", "postgres")
        .allMatch(p -> Files.isExecutable(bin.resolve(p)));
  }

  private static int majorVersion(Path bin) {
    String name = bin.getParent().getFileName().toString().replaceAll("[^0-9]", "");
    return name.isEmpty() ? 0 : Integer.parseInt(name);
  }

  public Path bin() {
    return bin;
  }

  /**
   * A new empty folder for data folders and logs, owned by the user the server runs as (under
   * /dev/shm when the machine has it: test data need no disk).
   */
  public Path newFolder(String prefix) {
    try {
      Path shm = Path.of("/dev/shm");
      Path folder =
          Files.isDirectory(shm) && Files.isWritable(shm)
              ? Files.createTempDirectory(shm, prefix)
              : Files.createTempDirectory(prefix);
      if (asOtherUser) {
        UserPrincipal user =
            folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
        Files.setOwner(folder, user);
      }
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a folder for PostgreSQL", e);
    }
  }

  /** Deletes a folder made by {@link #newFolder} and everything in it. */
  public static void deleteFolder(Path folder) {
    if (folder == null || !Files.exists(folder)) {
      return;
    }
    try (Stream<Path> all = Files.walk(folder)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // leftovers in a temp folder are harmless
    }
  }

  /**
   * Runs {@code program} (a file of the bin folder) with {@code args} and waits for it; fails with
   * its output when it exits non-zero or outlives {@code limit}.
   */
  public String run(Duration limit, String program, String... args) {
    List<String> command = new ArrayList<>();
    if (asOtherUser) {
      command.addAll(List.of("/usr/sbin/runuser", "-u", OS_USER, "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    try {
      Path output = Files.createTempFile("sluice-pg-" + program, ".out");
      try {
        // Output to a file, not a pipe: pg_ctl start leaves the server holding its stdout, and a
        // pipe would then never reach end-of-file.
        Process process =
            new ProcessBuilder(command)
                .directory(Path.of("/").toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(
              program + " did not finish within " + limit + ": " + read(output));
        }
        String text = read(output);
        if (process.exitValue() != 0) {
          throw new IllegalStateException(
              String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + text);
        }
        return text;
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + program, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + program, e);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).strip();
  }
}
