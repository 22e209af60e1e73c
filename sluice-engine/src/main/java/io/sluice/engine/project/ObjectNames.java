package io.sluice.engine.project;

import java.util.Optional;

/**
 * The naming rule for folders, projects, packages, environments, parameters and variables, as in
 * SSIS: 1–128 characters, no control characters, no leading {@code @}, none of {@code " < > |}.
 */
public final class ObjectNames {

  public static final int MAX_LENGTH = 128;
  private static final String FORBIDDEN = "\"<>|";

  private ObjectNames() {}

  /** The rule {@code name} breaks, said for a {@code kind} such as "folder", or empty if fine. */
  public static Optional<String> problem(String kind, String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of(kind + " name is empty: give a name of 1 to 128 characters");
    }
    if (name.length() > MAX_LENGTH) {
      return Optional.of(
          kind + " name is " + name.length() + " characters long: the limit is " + MAX_LENGTH);
    }
    if (name.isBlank()) {
      return Optional.of(kind + " name is only blanks: give a visible name");
    }
    if (name.charAt(0) == '@') {
      return Optional.of(kind + " name \"" + name + "\" starts with '@', which is not allowed");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isISOControl(c)) {
        return Optional.of(
            kind
                + " name contains a control character (code "
                + (int) c
                + ") at position "
                + (i + 1));
      }
      if (FORBIDDEN.indexOf(c) >= 0) {
        return Optional.of(
            kind + " name \"" + name + "\" contains '" + c + "'; none of \" < > | are allowed");
      }
    }
    return Optional.empty();
  }

  /**
   * The rule a parameter or variable name breaks, or empty if fine: the {@link #problem} rule, and
   * as in SSIS a letter or underscore first, then letters, digits or underscores, so expressions
   * can refer to it as {@code @[User::Name]} or {@code @[$Project::Name]}.
   */
  public static Optional<String> identifierProblem(String kind, String name) {
    Optional<String> general = problem(kind, name);
    if (general.isPresent()) {
      return general;
    }
    boolean valid = Character.isLetter(name.charAt(0)) || name.charAt(0) == '_';
    for (int i = 1; i < name.length() && valid; i++) {
      char c = name.charAt(i);
      valid = Character.isLetterOrDigit(c) || c == '_';
    }
    if (!valid) {
      return Optional.of(
          kind
              + " name \""
              + name
              + "\" is not an identifier: start with a letter or '_', then use only letters,"
              + " digits and '_'");
    }
    return Optional.empty();
  }
}
