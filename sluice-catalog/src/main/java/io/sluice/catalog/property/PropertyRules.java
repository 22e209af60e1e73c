package io.sluice.catalog.property;

import io.sluice.catalog.CatalogException;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What each catalog property accepts. A rule turns what the user typed into the stored form (e.g.
 * {@code TRUE} into {@code true}), or refuses it saying what is allowed.
 */
final class PropertyRules {

  static final String ENCRYPTION_ALGORITHM = "ENCRYPTION_ALGORITHM";

  private static final Map<String, UnaryOperator<String>> RULES =
      Map.of(
          "RETENTION_WINDOW",
          value -> integer("RETENTION_WINDOW", value, 1, 36500, "days, e.g. 365"),
          "OPERATION_CLEANUP_ENABLED",
          value -> bool("OPERATION_CLEANUP_ENABLED", value),
          "MAX_PROJECT_VERSIONS",
          value -> integer("MAX_PROJECT_VERSIONS", value, 1, 10000, "versions, e.g. 10"),
          "VERSION_CLEANUP_ENABLED",
          value -> bool("VERSION_CLEANUP_ENABLED", value),
          "SERVER_LOGGING_LEVEL",
          value ->
              integer(
                  "SERVER_LOGGING_LEVEL", value, 0, 3, "0 None, 1 Basic, 2 Performance, 3 Verbose"),
          "DEFAULT_EXECUTION_MODE",
          PropertyRules::executionMode);

  private PropertyRules() {}

  static boolean isReadOnly(String name) {
    return ENCRYPTION_ALGORITHM.equals(name);
  }

  /** The value to store for {@code name}; refuses unknown and read-only properties. */
  static String normalize(String name, String value) {
    if (isReadOnly(name)) {
      throw CatalogException.invalid(
          name + " is read only: sensitive values are always encrypted with AES-256-GCM",
          "nothing to change; the catalog key is what protects them (keep a backup of it)");
    }
    UnaryOperator<String> rule = RULES.get(name);
    if (rule == null) {
      throw CatalogException.notFound(
          "there is no catalog property " + name,
          "the properties are: "
              + String.join(", ", RULES.keySet().stream().sorted().toList())
              + ", "
              + ENCRYPTION_ALGORITHM);
    }
    if (value == null || value.isBlank()) {
      throw CatalogException.invalid(name + " needs a value", "give a value after the name");
    }
    return rule.apply(value.trim());
  }

  private static String integer(String name, String value, int min, int max, String meaning) {
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return Integer.toString(number);
      }
    } catch (NumberFormatException notANumber) {
      // refused below, with the same message as an out-of-range number
    }
    throw CatalogException.invalid(
        name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'",
        "give " + meaning);
  }

  private static String bool(String name, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> "true";
      case "false", "0", "no", "off" -> "false";
      default ->
          throw CatalogException.invalid(
              name + " must be true or false, not '" + value + "'", "give true or false");
    };
  }

  private static String executionMode(String value) {
    String mode = value.toUpperCase(Locale.ROOT).replace('-', '_');
    if (mode.equals("SERVER") || mode.equals("SCALE_OUT")) {
      return mode;
    }
    throw CatalogException.invalid(
        "DEFAULT_EXECUTION_MODE must be SERVER or SCALE_OUT, not '" + value + "'",
        "SERVER runs executions on the server itself; SCALE_OUT hands them to workers");
  }
}
