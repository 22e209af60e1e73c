package io.sluice.script;

import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compiled scripts of this process, so a worker compiles a script once per project version and
 * not on every execution. The key is the script's text with its file name, and the jars it compiled
 * against (a run's loader names its jars by their SHA-256, see {@code JarStore}): another project
 * version with the same script and jars reuses the classes, which are the same bytes.
 */
final class CompiledScripts {

  private static final int MAX_ENTRIES = 256;

  private static final Map<String, ScriptCompiler.Output> CACHE =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ScriptCompiler.Output> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  private static int compilations;

  private CompiledScripts() {}

  /** The script compiled against the jars of {@code runLoader}, from the cache when it is there. */
  static ScriptCompiler.Output forRun(String fileName, String source, ClassLoader runLoader) {
    return forRun(fileName, source, Map.of(), runLoader);
  }

  /** The same, compiled with {@code generated} sources (a Script Component's typed buffers). */
  static ScriptCompiler.Output forRun(
      String fileName, String source, Map<String, String> generated, ClassLoader runLoader) {
    String key = key(fileName, source + "\u0000" + generated, runLoader);
    synchronized (CACHE) {
      ScriptCompiler.Output cached = CACHE.get(key);
      if (cached != null) {
        return cached;
      }
    }
    ScriptCompiler.Output output =
        ScriptCompiler.compile(fileName, source, generated, ScriptClassPath.ofRun(runLoader));
    synchronized (CACHE) {
      compilations++;
      CACHE.put(key, output);
    }
    return output;
  }

  /** How many times this process compiled a script for a run (for tests of the cache). */
  static int compilations() {
    synchronized (CACHE) {
      return compilations;
    }
  }

  private static String key(String fileName, String source, ClassLoader runLoader) {
    String jars =
        runLoader instanceof URLClassLoader urls ? Arrays.toString(urls.getURLs()) : "sluice";
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(fileName.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(source.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(jars.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
