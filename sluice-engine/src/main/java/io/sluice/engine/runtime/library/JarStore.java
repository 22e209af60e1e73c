package io.sluice.engine.runtime.library;

import io.sluice.engine.project.ProjectArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A folder of jar files kept by content: a class loader needs jars as files, and the same driver
 * jar arrives with every version of a project (and often with several projects), so each distinct
 * jar is written once and shared by every loader that opens it.
 */
public final class JarStore {

  private static JarStore temporary;

  private final Path root;

  public JarStore(Path root) {
    this.root = root;
  }

  /**
   * One store per process in a new temporary folder, deleted when the JVM exits: what a worker, a
   * master and {@code sluice run} use. (A JVM killed with SIGKILL leaves it behind in the temporary
   * folder.)
   */
  public static synchronized JarStore temporary() {
    if (temporary == null) {
      try {
        Path root = Files.createTempDirectory("sluice-libraries-");
        Runtime.getRuntime()
            .addShutdownHook(new Thread(() -> deleteQuietly(root), "sluice-libraries-cleanup"));
        temporary = new JarStore(root);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot create a temporary folder for the project's lib/ jars: "
                + e.getMessage()
                + "; make java.io.tmpdir writable",
            e);
      }
    }
    return temporary;
  }

  public Path root() {
    return root;
  }

  /**
   * The jar as a file named {@code fileName} in a folder named by its SHA-256; written now unless
   * an earlier call wrote it. Safe from several threads and processes: the file appears whole, by
   * an atomic rename.
   */
  public Path store(String fileName, byte[] jar) {
    Path folder = root.resolve(ProjectArchive.sha256(jar));
    Path target = folder.resolve(fileName);
    try {
      if (Files.isRegularFile(target) && Files.size(target) == jar.length) {
        return target;
      }
      Files.createDirectories(folder);
      Path part = Files.createTempFile(folder, ".", ".part");
      Files.write(part, jar);
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the project's lib/" + fileName + " to " + folder + ": " + e.getMessage(),
          e);
    }
  }

  private static void deleteQuietly(Path root) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException ignored) {
      // best effort at exit: a leftover temporary folder harms nothing
    }
  }
}
