package io.sluice.script;

import io.sluice.engine.project.Problem;
import io.sluice.engine.project.SourceLocation;
import io.sluice.engine.project.StructureCheck;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a Script task where the project is validated, packed or deployed (the CLI, a master): its
 * settings, and that its Java compiles, each compiler error placed at its line and column in the
 * package file (inline source) or the script file. The classes made are thrown away: nothing of the
 * script is loaded or run here.
 */
public final class ScriptStructureCheck implements StructureCheck {

  /**
   * The longest script compiled: a master compiles what anyone with deploy rights sends, so the
   * work is bounded (SSIS scripts are rarely more than a few thousand lines).
   */
  static final int MAX_SCRIPT_CHARS = 1024 * 1024;

  @Override
  public Kind kind() {
    return Kind.TASK;
  }

  @Override
  public String type() {
    return ScriptTaskPlugin.NAME;
  }

  @Override
  public Set<String> settings() {
    return Set.of(
        ScriptTaskPlugin.SOURCE,
        ScriptTaskPlugin.FILE,
        ScriptTaskPlugin.READ_ONLY,
        ScriptTaskPlugin.READ_WRITE);
  }

  /** A script's code comes from the deployed version, never from whoever starts an execution. */
  @Override
  public Set<String> fixedSettings() {
    return Set.of(ScriptTaskPlugin.SOURCE, ScriptTaskPlugin.FILE);
  }

  @Override
  public List<Finding> check(Map<String, Object> settings, Set<String> setByExpression) {
    List<Finding> findings = new ArrayList<>();
    for (String key : fixedSettings()) {
      if (setByExpression.contains(key)) {
        findings.add(
            Finding.ofSettings(
                "a Script task's '"
                    + key
                    + "' cannot be set by a property expression: its Java is compiled and checked"
                    + " when the project is deployed"));
      }
    }
    Object source = settings.get(ScriptTaskPlugin.SOURCE);
    Object file = settings.get(ScriptTaskPlugin.FILE);
    if ((source == null) == (file == null)) {
      findings.add(
          Finding.ofSettings(
              "a Script task takes its Java as exactly one of 'source' (inline) or 'file' (a"
                  + " .java file of the project)"));
    }
    if (source != null && !(source instanceof String)) {
      findings.add(Finding.ofSettings("'source' must be the script's Java as text (source: |)"));
    }
    if (file != null) {
      String path = String.valueOf(file);
      if (!(file instanceof String)
          || !path.endsWith(".java")
          || path.startsWith("/")
          || path.contains("\\")
          || List.of(path.split("/")).contains("..")) {
        findings.add(
            Finding.ofSettings(
                "'file' must be the path of a .java file inside the project, e.g."
                    + " scripts/Load/ScriptMain.java, not '"
                    + path
                    + "'"));
      }
    }
    for (String key : List.of(ScriptTaskPlugin.READ_ONLY, ScriptTaskPlugin.READ_WRITE)) {
      Object names = settings.get(key);
      if (names != null
          && (!(names instanceof List<?> list)
              || list.stream().anyMatch(n -> !(n instanceof String)))) {
        findings.add(
            Finding.ofSettings(
                "'" + key + "' must be a list of variable names, e.g. [\"User::Count\"]"));
      }
    }
    return findings;
  }

  @Override
  public List<Problem> problems(
      Map<String, Object> settings, Set<String> setByExpression, Written written) {
    return compileProblems(settings, written);
  }

  /**
   * The compile errors of a script given as {@code source} or {@code file} (a Script task's or a
   * Script Component's), placed in the package file or the script file.
   */
  static List<Problem> compileProblems(Map<String, Object> settings, Written written) {
    return compileProblems(settings, written, null);
  }

  /**
   * The same for a Script Component: {@code generated} makes its typed buffers from the script's
   * text when it uses them, or null. Only the declared columns are known here (the input's come
   * from upstream components that are not planned at validation), so a call of an accessor {@code
   * Input0Buffer} does not have yet is left to the compile where the flow runs.
   */
  static List<Problem> compileProblems(
      Map<String, Object> settings, Written written, Generator generated) {
    if (settings.get(ScriptTaskPlugin.SOURCE) instanceof String source
        && !settings.containsKey(ScriptTaskPlugin.FILE)) {
      SourceLocation start = written.textStart(ScriptTaskPlugin.SOURCE);
      if (start == null) {
        return List.of();
      }
      List<Problem> problems = new ArrayList<>();
      for (ScriptCompiler.Error e :
          compile(ScriptTaskPlugin.INLINE_FILE, source, written, generated)) {
        problems.add(
            new Problem(
                start.file(),
                start.line() + Math.max(e.line(), 1) - 1,
                // every line of a block scalar is indented as its first, where the text starts
                start.column() + Math.max(e.column(), 1) - 1,
                "the script does not compile: " + e.message()));
      }
      return problems;
    }
    if (settings.get(ScriptTaskPlugin.FILE) instanceof String path
        && path.endsWith(".java")
        && !settings.containsKey(ScriptTaskPlugin.SOURCE)) {
      byte[] bytes = written.projectFile(path);
      if (bytes == null) {
        SourceLocation at = written.textStart(ScriptTaskPlugin.FILE);
        return List.of(
            new Problem(
                written.file(),
                at == null ? 0 : at.line(),
                at == null ? 0 : at.column(),
                "the script file " + path + " is not in the project; add it or correct 'file'"));
      }
      List<Problem> problems = new ArrayList<>();
      String source = new String(bytes, StandardCharsets.UTF_8);
      for (ScriptCompiler.Error e : compile(path, source, written, generated)) {
        problems.add(
            new Problem(path, e.line(), e.column(), "the script does not compile: " + e.message()));
      }
      return problems;
    }
    return List.of();
  }

  /** The generated sources of a script's text, or a naming problem. */
  interface Generator {
    /**
     * @throws AccessorNames.NamingException when a column cannot become an accessor
     */
    Map<String, String> sources(String source);
  }

  private static List<ScriptCompiler.Error> compile(
      String fileName, String source, Written written, Generator generator) {
    if (source.length() > MAX_SCRIPT_CHARS) {
      return List.of(
          new ScriptCompiler.Error(
              1,
              1,
              "the script is "
                  + source.length()
                  + " characters long, more than the "
                  + MAX_SCRIPT_CHARS
                  + " a Script task may have; move code into a jar of lib/"));
    }
    Map<String, String> generated = Map.of();
    if (generator != null) {
      try {
        generated = generator.sources(source);
      } catch (AccessorNames.NamingException e) {
        return List.of(
            new ScriptCompiler.Error(
                1, 1, "its typed accessors cannot be made: " + e.getMessage()));
      }
    }
    List<ScriptCompiler.Error> errors = new ArrayList<>();
    for (ScriptCompiler.Error e :
        CheckedScripts.errors(fileName, source, generated, written.libraries())) {
      if (generator != null && "Input0Buffer".equals(e.undefinedIn())) {
        continue; // an input column's accessor: checked where the flow runs
      }
      if (e.file() != null) { // never expected: the generated code compiles whenever names do
        errors.add(
            new ScriptCompiler.Error(
                1, 1, "generated " + e.file() + ":" + e.line() + ": " + e.message()));
      } else {
        errors.add(e);
      }
    }
    return errors;
  }
}
