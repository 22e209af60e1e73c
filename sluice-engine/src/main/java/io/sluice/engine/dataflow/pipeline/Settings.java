package io.sluice.engine.dataflow.pipeline;

import java.util.List;
import java.util.Map;

/**
 * Typed reading of a component's settings as written in YAML (plain maps, lists and scalars); wrong
 * or missing values become {@link PlanningException}s naming the setting.
 */
public final class Settings {

  private final Map<String, Object> values;
  private final String where;

  public Settings(Map<String, Object> values, String where) {
    this.values = values == null ? Map.of() : values;
    this.where = where;
  }

  public boolean has(String key) {
    return values.get(key) != null;
  }

  public Object raw(String key) {
    return values.get(key);
  }

  public String string(String key) {
    Object v = values.get(key);
    if (v == null) {
      throw new PlanningException(where + "setting '" + key + "' is required");
    }
    return v.toString();
  }

  public String string(String key, String fallback) {
    Object v = values.get(key);
    return v == null ? fallback : v.toString();
  }

  public long number(String key, long fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(v.toString().trim());
    } catch (NumberFormatException e) {
      throw new PlanningException(
          where + "setting '" + key + "' must be a number, not '" + v + "'");
    }
  }

  public boolean bool(String key, boolean fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    return switch (v.toString().trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default ->
          throw new PlanningException(
              where + "setting '" + key + "' must be true or false, not '" + v + "'");
    };
  }

  /** A list of maps, each as Settings (e.g. the columns of a Derived Column). */
  public List<Settings> list(String key) {
    Object v = values.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> items)) {
      throw new PlanningException(where + "setting '" + key + "' must be a list");
    }
    return items.stream().map(item -> item(key, item)).toList();
  }

  /** A list of plain strings, e.g. {@code groupBy: [a, b]}. */
  public List<String> strings(String key) {
    Object v = values.get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> items) {
      return items.stream().map(String::valueOf).toList();
    }
    return List.of(v.toString());
  }

  public Settings map(String key) {
    Object v = values.get(key);
    if (v != null && !(v instanceof Map<?, ?>)) {
      throw new PlanningException(where + "setting '" + key + "' must be a map");
    }
    return item(key, v);
  }

  @SuppressWarnings("unchecked")
  private Settings item(String key, Object item) {
    if (item != null && !(item instanceof Map<?, ?>)) {
      throw new PlanningException(
          where + "each entry of '" + key + "' must be a map of settings, not '" + item + "'");
    }
    return new Settings((Map<String, Object>) item, where + key + ": ");
  }

  public Map<String, Object> asMap() {
    return values;
  }
}
