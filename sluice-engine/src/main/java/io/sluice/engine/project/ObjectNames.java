package io.sluice.engine.project;

import java.util.Locale;
import java.util.Optional;

/**
 * The naming rule for folders, projects, packages, environments, parameters and variables, as in
 * SSIS: 1–128 characters, no leading {@code @}, none of {@code " < > |}; and, unlike SSIS, no
 * control or invisible characters ({@link InvisibleCharacters}). Also the one limit on the length
 * of descriptions, for the catalog and the project format alike.
 */
public final class ObjectNames {

  public static final int MAX_LENGTH = 128;

  /**
   * The longest description, in characters: SSISDB keeps the descriptions of folders, projects,
   * environments, environment variables and parameters as nvarchar(1024).
   */
  public static final int MAX_DESCRIPTION = 1024;

  /** The rule in a hint's words. */
  public static final String RULE =
      "names are 1 to 128 characters, without control or invisible characters (such as U+200B or"
          + " U+202E), a leading @, or any of \" < > |";

  /** The hint for a name with an invisible character: it usually came along with a paste. */
  public static final String INVISIBLE_HINT =
      "type the name again without it (text copied from a web page, a chat or a document can"
          + " bring such characters along)";

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
    Optional<String> invisible = InvisibleCharacters.problem(kind + " name", name);
    if (invisible.isPresent()) {
      return invisible;
    }
    if (name.charAt(0) == '@') {
      return Optional.of(kind + " name \"" + name + "\" starts with '@', which is not allowed");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (FORBIDDEN.indexOf(c) >= 0) {
        return Optional.of(
            kind + " name \"" + name + "\" contains '" + c + "'; none of \" < > | are allowed");
      }
    }
    return Optional.empty();
  }

  /** The hint for {@link #problem}'s answer on {@code name}. */
  public static String hint(String name) {
    return InvisibleCharacters.first(name).isPresent() ? INVISIBLE_HINT : RULE;
  }

  /**
   * The problem with a description of a {@code kind} such as "folder", or empty if fine: longer
   * than {@value #MAX_DESCRIPTION} characters.
   */
  public static Optional<String> descriptionProblem(String kind, String description) {
    if (description == null || description.length() <= MAX_DESCRIPTION) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "%s description is %,d characters long: the limit is %,d, as in SSIS's catalog",
            kind,
            description.length(),
            MAX_DESCRIPTION));
  }

  /** The hint for {@link #descriptionProblem}. */
  public static final String DESCRIPTION_HINT =
      "shorten it to 1,024 characters or fewer; keep longer documentation beside the project";

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
