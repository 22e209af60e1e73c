package io.sluice.engine.plugin;

import io.sluice.api.settings.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks plain setting values (a data-flow component's, which the planner reads as plain YAML
 * values) against a plugin's schema; the messages are the project parser's. Unknown keys are found
 * by the caller, as for built-in types.
 */
final class SchemaCheck {

  private SchemaCheck() {}

  static List<String> problems(Map<String, Object> values, List<Setting> schema) {
    List<String> problems = new ArrayList<>();
    for (Setting s : schema) {
      Object v = values.get(s.name());
      if (v == null) {
        if (s.isRequired()) {
          problems.add("'" + s.name() + "' is required");
        }
        continue;
      }
      String why = problem(s, v);
      if (why != null) {
        problems.add(why);
      }
    }
    return problems;
  }

  private static String problem(Setting s, Object v) {
    String key = "'" + s.name() + "'";
    switch (s.type()) {
      case LIST:
        return v instanceof List<?> ? null : key + " must be a list (items starting with '- ')";
      case MAPPING:
        return v instanceof Map<?, ?> ? null : key + " must be a mapping of keys to values";
      default:
        break;
    }
    if (v instanceof List<?> || v instanceof Map<?, ?>) {
      return key + " must be a single value, not a list or mapping";
    }
    String text = String.valueOf(v).trim();
    return switch (s.type()) {
      case INTEGER -> {
        try {
          Long.parseLong(text);
          yield null;
        } catch (NumberFormatException e) {
          yield key + " must be a whole number, not '" + text + "'";
        }
      }
      case BOOLEAN -> {
        String lower = text.toLowerCase(Locale.ROOT);
        yield lower.equals("true") || lower.equals("false") ? null : key + " must be true or false";
      }
      case CHOICE ->
          s.allowedValues().contains(text)
              ? null
              : key
                  + " must be one of "
                  + String.join(", ", s.allowedValues())
                  + ", not '"
                  + text
                  + "'";
      default -> null;
    };
  }
}
