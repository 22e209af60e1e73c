package io.sluice.engine.project;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structure of a task or connection type whose settings another part of the engine reads (the
 * data-flow engine reads DataFlow tasks and flat file formats). That part implements this interface
 * next to the code that reads the settings, so deploy-time validation and the running engine share
 * one definition and cannot drift apart; it registers through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.sluice.engine.project.StructureCheck}) because the engine depends on
 * this package, not the other way round.
 */
public interface StructureCheck {

  /** What the check is about. */
  enum Kind {
    TASK,
    CONNECTION
  }

  Kind kind();

  /** The type name as written in {@code type:}, e.g. {@code DataFlow} or {@code flatFile}. */
  String type();

  /** The type's own setting keys; the parser reports any other key as unknown. */
  Set<String> settings();

  /**
   * Settings only the deployed project may give: no property override ({@code --set}) at execution
   * may change them (a Script task's Java: code comes from the version deployed, never from whoever
   * starts an execution).
   */
  default Set<String> fixedSettings() {
    return Set.of();
  }

  /**
   * Checks the settings as written (plain YAML values) without touching databases or files.
   *
   * @param setByExpression settings given as property expressions: their values are not known yet
   */
  List<Finding> check(Map<String, Object> settings, Set<String> setByExpression);

  /**
   * As {@link #check(Map, Set)}, knowing the plugin types the project may use (a data flow's plugin
   * components).
   */
  default List<Finding> check(
      Map<String, Object> settings, Set<String> setByExpression, PluginSchemas plugins) {
    return check(settings, setByExpression);
  }

  /**
   * Problems a check places itself, anywhere in the project: inside a setting's text (a line of a
   * Script task's inline Java) or in another file of the project (a script file). Called after
   * {@link #check}; like it, never loads or runs project code.
   */
  default List<Problem> problems(
      Map<String, Object> settings, Set<String> setByExpression, Written written) {
    return List.of();
  }

  /** Where a task's settings are written, and the project's other files. */
  interface Written {

    /** The package file, e.g. {@code packages/main.yaml}. */
    String file();

    /**
     * Where the text of scalar setting {@code key} starts in {@link #file()} (for a block scalar
     * {@code |}, its first line), so line N of the text is line {@code line() + N - 1}; null when
     * the setting is absent or not a single value.
     */
    SourceLocation textStart(String key);

    /** A file of the project by relative path, or null. */
    byte[] projectFile(String path);

    /** The project's {@code lib/} jars by path, to read (never to load). */
    Map<String, byte[]> libraries();

    /**
     * Item {@code item} (1-based) of list setting {@code list} (a data flow's component), whose
     * {@link #textStart} is relative to that item; null when there is no such mapping item.
     */
    default Written item(String list, int item) {
      return null;
    }
  }

  /**
   * The SSIS expressions written in the settings (a Derived Column's column expressions, a
   * Conditional Split's conditions ...), so the parser can apply to them the rules it applies to
   * every expression of a package, such as SSIS's rule on sensitive parameters.
   */
  default List<WrittenExpression> expressions(Map<String, Object> settings) {
    return List.of();
  }

  /**
   * An expression found in the settings, located as a {@link Finding} is.
   *
   * @param sets what its result becomes, for messages, e.g. {@code column 'Total' of component
   *     'Derive'}
   */
  record WrittenExpression(String list, int item, List<Object> path, String text, String sets) {}

  /**
   * One problem.
   *
   * @param list the list setting holding the offending item (e.g. {@code components}), or null when
   *     the problem is about the settings as a whole
   * @param item the 1-based position of the item in {@code list}; 0 when {@code list} is null
   * @param path where inside the item the problem is written: keys and 1-based list positions (e.g.
   *     {@code onEror}, or {@code columns, 2, expresion}); empty for the item as a whole
   */
  record Finding(String list, int item, List<Object> path, String message) {

    public Finding(String list, int item, String message) {
      this(list, item, List.of(), message);
    }

    public static Finding ofSettings(String message) {
      return new Finding(null, 0, message);
    }
  }
}
