package io.sluice.ssis.convert;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The System variables a Sluice run provides (RunVariables, and EventRouter's for event handlers).
 * SSIS has more ({@code System::PackageID}, {@code System::SourceID}, ...); an expression that
 * reads one of those would fail the package's validation before anything runs, so the importer
 * leaves such an expression out and reports it.
 */
final class SystemVariables {

  private SystemVariables() {}

  static final Set<String> PROVIDED =
      Set.of(
          "packagename",
          "starttime",
          "containerstarttime",
          "executioninstanceguid",
          "serverexecutionid",
          "taskattempt",
          "machinename",
          "username",
          "taskname",
          // event handlers only
          "sourcename",
          "sourcedescription",
          "errorcode",
          "errordescription",
          "propagate");

  static boolean provided(String name) {
    return PROVIDED.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The first {@code System::Name} that {@code expression} reads and Sluice lacks, if any. */
  static Optional<String> missingIn(String expression) {
    if (expression == null) {
      return Optional.empty();
    }
    String lower = expression.toLowerCase(Locale.ROOT);
    int from = 0;
    while (true) {
      int at = lower.indexOf("system::", from);
      if (at < 0) {
        return Optional.empty();
      }
      int start = at + "system::".length();
      int end = start;
      while (end < expression.length()
          && (Character.isLetterOrDigit(expression.charAt(end)) || expression.charAt(end) == '_')) {
        end++;
      }
      String name = expression.substring(start, end);
      if (!name.isEmpty() && !provided(name)) {
        return Optional.of("System::" + name);
      }
      from = end;
    }
  }

  /** The report's reason for leaving out an expression that reads {@code variable}. */
  static String why(String variable, String expression) {
    return "the expression "
        + expression.trim()
        + " reads "
        + variable
        + ", which Sluice does not provide, so it would fail the package's validation";
  }

  static final String TODO =
      "rewrite the expression with the System variables Sluice has (docs/expressions.md) or a"
          + " parameter";
}
