package io.sluice.engine.project;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An override's text read as the type of the setting it sets. Shared by the connection, task and
 * package property overrides, so a number or a boolean is read and refused the same way whatever it
 * sets. A sensitive value is never quoted in a refusal.
 */
final class OverrideValues {

  private OverrideValues() {}

  /**
   * The text as the setting's type: a whole number, true/false, one of its words, else the type of
   * the value written in the project (text when there is none). Lists and mappings cannot be given
   * as one text.
   */
  static Object typed(
      PropertyOverride o, Settings settings, String setting, Map<String, Object> current) {
    if (settings.lists.contains(setting) || settings.mappings.contains(setting)) {
      throw notOneValue(o, setting);
    }
    if (settings.wholeNumbers.containsKey(setting)) {
      return wholeNumber(o, setting, settings.wholeNumbers.get(setting));
    }
    if (settings.booleans.contains(setting)) {
      return bool(o, setting);
    }
    List<String> words = settings.choices.get(setting);
    if (words != null) {
      return words.stream()
          .filter(w -> w.equalsIgnoreCase(o.value().trim()))
          .findFirst()
          .orElseThrow(
              () ->
                  PropertyPath.bad(
                      o.path(), "'" + setting + "' is one of " + String.join(", ", words)));
    }
    Object written = current.get(setting);
    if (written instanceof Number) {
      return wholeNumber(o, setting, Long.MIN_VALUE);
    }
    if (written instanceof Boolean) {
      return bool(o, setting);
    }
    if (written instanceof List<?> || written instanceof Map<?, ?>) {
      throw notOneValue(o, setting);
    }
    return o.value();
  }

  static long wholeNumber(PropertyOverride o, String setting, long min) {
    try {
      long n = Long.parseLong(o.value().trim());
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw PropertyPath.bad(
        o.path(),
        setting
            + " is a whole number"
            + (min == Long.MIN_VALUE ? "" : " of at least " + min)
            + (o.sensitive() ? "" : ", not '" + o.value() + "'"));
  }

  static boolean bool(PropertyOverride o, String setting) {
    String v = o.value().trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default ->
          throw PropertyPath.bad(
              o.path(),
              setting + " is True or False" + (o.sensitive() ? "" : ", not '" + o.value() + "'"));
    };
  }

  /**
   * The item of {@code items} named {@code name} in any case, as SSIS matches names; else a refusal
   * that says {@code missing} and then lists the names there are.
   */
  static <T> T named(
      PropertyOverride o,
      List<T> items,
      Function<T, String> nameOf,
      String name,
      Supplier<String> missing) {
    return items.stream()
        .filter(x -> nameOf.apply(x).equalsIgnoreCase(name))
        .findFirst()
        .orElseThrow(
            () ->
                PropertyPath.bad(
                    o.path(), missing.get() + namesOrNone(items.stream().map(nameOf).toList())));
  }

  /** "a, b, c", or "none" for an empty list: how a refusal lists what there is instead. */
  static String namesOrNone(List<String> names) {
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  private static IllegalArgumentException notOneValue(PropertyOverride o, String setting) {
    return PropertyPath.bad(
        o.path(), "'" + setting + "' is a list or mapping; it cannot be set from one value");
  }
}
