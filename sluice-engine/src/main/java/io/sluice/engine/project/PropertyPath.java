package io.sluice.engine.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An SSIS property path taken apart: {@code \Package\Load\Copy.Properties[Disable]} is containers
 * {@code [Load, Copy]} and property {@code Disable}; {@code \Package.Variables[User::Day].Value} is
 * collection {@code Variables}, key {@code User::Day} and property {@code Value}. Keywords are read
 * without regard to case, as dtexec does ({@code \package.variables[x].value}).
 *
 * @param containers the task path below the package, outermost first; empty for the package
 * @param collection {@code Variables}, {@code Connections} or {@code Parameters}, or null
 * @param key the name in the collection's brackets, or null
 * @param property {@code X} of {@code .Properties[X]} or of a final {@code .X}, or null
 * @param enumerator whether the property is the last container's Foreach enumerator's ({@code
 *     \Package\Loop.ForEachEnumerator.Properties[Directory]}, as SSIS writes it)
 */
record PropertyPath(
    List<String> containers, String collection, String key, String property, boolean enumerator) {

  static final List<String> COLLECTIONS = List.of("Variables", "Connections", "Parameters");

  private static final String PACKAGE = "\\Package";
  private static final String PROPERTIES = ".Properties[";
  private static final String ENUMERATOR = ".ForEachEnumerator";

  /**
   * @throws IllegalArgumentException naming the path and the forms it may take
   */
  static PropertyPath parse(String path) {
    String text = path.trim();
    if (!text.regionMatches(true, 0, PACKAGE, 0, PACKAGE.length())) {
      throw bad(path, "it does not start with \\Package");
    }
    String rest = text.substring(PACKAGE.length());
    String property = null;
    int properties = lastIndexOfIgnoreCase(rest, PROPERTIES);
    if (rest.endsWith("]") && properties >= 0) {
      property = rest.substring(properties + PROPERTIES.length(), rest.length() - 1);
      rest = rest.substring(0, properties);
    } else {
      int dot = rest.lastIndexOf('.');
      if (dot >= 0 && isWord(rest.substring(dot + 1))) {
        String before = rest.substring(0, dot);
        if (before.endsWith("]") || !before.contains(".")) {
          property = rest.substring(dot + 1);
          rest = before;
        }
      }
    }
    String collection = null;
    String key = null;
    if (rest.endsWith("]")) {
      int best = -1;
      for (String name : COLLECTIONS) {
        int at = lastIndexOfIgnoreCase(rest, "." + name + "[");
        if (at > best) {
          best = at;
          collection = name;
        }
      }
      if (best < 0) {
        throw bad(path, "'" + rest + "' is not a collection of the package");
      }
      key = rest.substring(best + collection.length() + 2, rest.length() - 1).trim();
      rest = rest.substring(0, best);
      if (key.isEmpty()) {
        throw bad(path, "the name in " + collection + "[...] is empty");
      }
    }
    boolean enumerator = false;
    if (collection == null
        && rest.length() > ENUMERATOR.length()
        && rest.regionMatches(
            true, rest.length() - ENUMERATOR.length(), ENUMERATOR, 0, ENUMERATOR.length())) {
      enumerator = true;
      rest = rest.substring(0, rest.length() - ENUMERATOR.length());
    }
    List<String> containers = new ArrayList<>();
    if (!rest.isEmpty()) {
      if (!rest.startsWith("\\")) {
        throw bad(
            path, "'" + rest + "' after \\Package is neither \\TaskName nor .Collection[...]");
      }
      for (String segment : rest.substring(1).split("\\\\", -1)) {
        if (segment.isBlank()) {
          throw bad(path, "it has an empty task name between backslashes");
        }
        containers.add(segment);
      }
    }
    if (property != null && property.isBlank()) {
      throw bad(path, "the property name in .Properties[...] is empty");
    }
    return new PropertyPath(List.copyOf(containers), collection, key, property, enumerator);
  }

  /** The forms Sluice accepts, for a hint. */
  static final String FORMS =
      "\\Package.Variables[User::Name].Value, \\Package.Variables[$Package::Name],"
          + " \\Package.Variables[$Project::Name], \\Package.Connections[Name].Properties[ConnectionString],"
          + " \\Package\\Task.Properties[Disable],"
          + " \\Package\\Loop.ForEachEnumerator.Properties[Directory],"
          + " \\Package.Properties[MaxConcurrentExecutables]";

  static IllegalArgumentException bad(String path, String why) {
    return new IllegalArgumentException("property path " + path + ": " + why);
  }

  private static boolean isWord(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isLetterOrDigit);
  }

  private static int lastIndexOfIgnoreCase(String text, String part) {
    return text.toLowerCase(Locale.ROOT).lastIndexOf(part.toLowerCase(Locale.ROOT));
  }
}
