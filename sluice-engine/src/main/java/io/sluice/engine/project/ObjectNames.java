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
}
