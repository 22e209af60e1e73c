package io.sluice.catalog.execution;

import io.sluice.catalog.CatalogException;
import java.util.List;
import java.util.Locale;

/**
 * The system parameters an execution accepts (object type 50), as SSIS's
 * set_execution_parameter_value: LOGGING_LEVEL, DUMP_ON_ERROR, SYNCHRONIZED.
 */
final class SystemParameters {

  static final String LOGGING_LEVEL = "LOGGING_LEVEL";
  static final String DUMP_ON_ERROR = "DUMP_ON_ERROR";
  static final String SYNCHRONIZED = "SYNCHRONIZED";

  static final List<String> NAMES = List.of(LOGGING_LEVEL, DUMP_ON_ERROR, SYNCHRONIZED);

  private SystemParameters() {}

  static String dataType(String name) {
    return name.equals(LOGGING_LEVEL) ? "Int32" : "Boolean";
  }

  /** The value to store for system parameter {@code name}; refuses unknown names and values. */
  static String normalize(String name, String value) {
    switch (name) {
      case LOGGING_LEVEL -> {
        String level = value.trim();
        if (!level.matches("[0-3]")) {
          throw CatalogException.invalid(
              "LOGGING_LEVEL must be 0, 1, 2 or 3, not '" + value + "'",
              "0 None, 1 Basic, 2 Performance, 3 Verbose");
        }
        return level;
      }
      case DUMP_ON_ERROR, SYNCHRONIZED -> {
        String flag = value.trim().toLowerCase(Locale.ROOT);
        if (!flag.equals("true") && !flag.equals("false")) {
          throw CatalogException.invalid(
              name + " must be true or false, not '" + value + "'", "give true or false");
        }
        return flag;
      }
      default ->
          throw CatalogException.notFound(
              "there is no system parameter " + name,
              "system parameters (object type 50) are " + String.join(", ", NAMES));
    }
  }
}
