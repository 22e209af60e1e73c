package io.sluice.script;

import io.sluice.engine.project.ProjectArchive;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compile checks of this process, for validation: a project is parsed many times (validate,
 * pack, deploy in the CLI and again in the master, every worker that runs it), and a script that
 * compiled once against the same jars compiles the same way again. The lib/ jars are read into a
 * class path once for all the scripts of a project, not once per script.
 */
final class CheckedScripts {

  private static final int MAX_ENTRIES = 512;

  private static final Map<String, List<ScriptCompiler.Error>> CACHE =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<ScriptCompiler.Error>> e) {
          return size() > MAX_ENTRIES;
        }
      };

  /** The class path of the jars last checked against, and their key. */
  private static String lastJars;

  private static ScriptClassPath lastClassPath;

  private static int compilations;

  private CheckedScripts() {}

  /** The errors of {@code source} compiled against {@code libraries} (lib/ jars by path). */
  static List<ScriptCompiler.Error> errors(
      String fileName, String source, Map<String, byte[]> libraries) {
    return errors(fileName, source, Map.of(), libraries);
  }

  /** The same, compiled with {@code generated} sources (a Script Component's typed buffers). */
  static synchronized List<ScriptCompiler.Error> errors(
      String fileName,
      String source,
      Map<String, String> generated,
      Map<String, byte[]> libraries) {
    String jars = jarsKey(libraries);
    String key =
        ProjectArchive.sha256(
            (fileName + "\u0000" + jars + "\u0000" + source + "\u0000" + generated)
                .getBytes(StandardCharsets.UTF_8));
    List<ScriptCompiler.Error> cached = CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    if (!jars.equals(lastJars)) {
      lastClassPath = ScriptClassPath.ofLibraries(libraries);
      lastJars = jars;
    }
    compilations++;
    List<ScriptCompiler.Error> errors =
        ScriptCompiler.compile(fileName, source, generated, lastClassPath).errors();
    CACHE.put(key, errors);
    return errors;
  }

  /** How many checks compiled (for tests of the cache). */
  static synchronized int compilations() {
    return compilations;
  }

  private static String jarsKey(Map<String, byte[]> libraries) {
    StringBuilder key = new StringBuilder();
    for (Map.Entry<String, byte[]> jar : new TreeMap<>(libraries).entrySet()) {
      key.append(jar.getKey())
          .append('=')
          .append(ProjectArchive.sha256(jar.getValue()))
          .append(';');
    }
    return key.toString();
  }
}
