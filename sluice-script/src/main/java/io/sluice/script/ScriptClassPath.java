package io.sluice.script;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The class files a script compiles against, read as bytes (never loaded): the Java runtime, the
 * SDK ({@code io.sluice.api}), and the project's {@code lib/} jars with the worker's plugin folder.
 * Sluice's own classes (the engine, its libraries) are not visible: they are not API.
 */
final class ScriptClassPath {

  private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();
  private static final ClassLoader SLUICE = ScriptClassPath.class.getClassLoader();
  private static final String API = "io/sluice/api/";

  /** At most this many bytes of lib/ jars are read for a check (the archive is bounded too). */
  private static final long MAX_LIBRARY_BYTES = 256L * 1024 * 1024;

  private final ClassLoader project;
  private final Map<String, byte[]> libraryClasses;

  private ScriptClassPath(ClassLoader project, Map<String, byte[]> libraryClasses) {
    this.project = project;
    this.libraryClasses = libraryClasses;
  }

  /**
   * Where a package runs: the run's class loader, whose own jars (lib/, the plugin folder) are
   * visible beside the runtime and the SDK.
   */
  static ScriptClassPath ofRun(ClassLoader runLoader) {
    return new ScriptClassPath(runLoader == SLUICE ? null : runLoader, Map.of());
  }

  /** Where a project is only checked: the lib/ jars are read as zip entries, nothing is loaded. */
  static ScriptClassPath ofLibraries(Map<String, byte[]> jars) {
    Map<String, byte[]> classes = new HashMap<>();
    long total = 0;
    for (byte[] jar : jars.values()) {
      try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
          if (!e.isDirectory() && e.getName().endsWith(".class")) {
            byte[] bytes = zip.readAllBytes();
            total += bytes.length;
            if (total > MAX_LIBRARY_BYTES) {
              return new ScriptClassPath(null, classes);
            }
            classes.putIfAbsent(e.getName(), bytes);
          }
        }
      } catch (IOException e) {
        // a broken jar is reported by the library check; its classes are simply not there
      }
    }
    return new ScriptClassPath(null, classes);
  }

  /** The bytes of a class file by path ({@code java/lang/String.class}), or null. */
  byte[] classFile(String path) {
    byte[] runtime = read(PLATFORM, path);
    if (runtime != null) {
      return runtime;
    }
    if (path.startsWith(API)) {
      return read(SLUICE, path);
    }
    byte[] library = libraryClasses.get(path);
    if (library != null) {
      return library;
    }
    if (project instanceof URLClassLoader own) {
      // only the loader's own jars (lib/, the plugin folder), not what it delegates to Sluice's:
      // the same classes validation reads from the project's lib/ jars
      URL url = own.findResource(path);
      if (url != null) {
        try (InputStream in = url.openStream()) {
          return in.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return null;
  }

  private static byte[] read(ClassLoader loader, String path) {
    try (InputStream in = loader.getResourceAsStream(path)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
