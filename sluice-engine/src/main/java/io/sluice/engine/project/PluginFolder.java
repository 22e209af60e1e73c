package io.sluice.engine.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder of plugin jars installed for every project of a process, named by {@code
 * SLUICE_PLUGINS} (or the system property {@code sluice.plugins}). A worker adds its jars to the
 * class loader of every run; a master and the CLI read only their descriptors, to validate projects
 * that use them.
 */
public final class PluginFolder {

  private static volatile PluginSchemas installed;

  private PluginFolder() {}

  /** The configured folder, or null. */
  public static Path configured() {
    String value = System.getProperty("sluice.plugins", System.getenv("SLUICE_PLUGINS"));
    return value == null || value.isBlank() ? null : Path.of(value);
  }

  /** The jars directly in {@code folder}, sorted by name; none when it does not exist. */
  public static List<Path> jars(Path folder) {
    if (folder == null || !Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(
          "cannot list the plugin folder " + folder + ": " + e.getMessage(), e);
    }
  }

  /** The descriptors of the configured folder, read once per process. */
  public static PluginSchemas installed() {
    PluginSchemas known = installed;
    if (known == null) {
      Path folder = configured();
      known = folder == null ? PluginSchemas.NONE : PluginSchemas.ofFolder(folder);
      installed = known;
    }
    return known;
  }

  /** Forgets what {@link #installed()} read (tests that change the property). */
  public static void reset() {
    installed = null;
  }
}
