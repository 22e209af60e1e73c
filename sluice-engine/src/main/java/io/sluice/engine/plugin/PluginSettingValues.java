package io.sluice.engine.plugin;

import io.sluice.api.settings.SettingValues;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Settings already checked against a plugin's schema, handed to the plugin. */
final class PluginSettingValues implements SettingValues {

  private final Map<String, Object> values;
  private final Set<String> declared;

  PluginSettingValues(Map<String, Object> values, Set<String> declared) {
    this.values = values;
    this.declared = declared;
  }

  private Object value(String name) {
    if (!declared.contains(name)) {
      throw new IllegalArgumentException(
          "setting '" + name + "' is not in the plugin's settings schema; declared: " + declared);
    }
    return values.get(name);
  }

  @Override
  public boolean has(String name) {
    return value(name) != null;
  }

  @Override
  public String text(String name) {
    Object v = value(name);
    return v == null ? null : String.valueOf(v);
  }

  @Override
  public long integer(String name, long defaultValue) {
    Object v = value(name);
    if (v == null) {
      return defaultValue;
    }
    return v instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(v).trim());
  }

  @Override
  public boolean bool(String name, boolean defaultValue) {
    Object v = value(name);
    return v == null ? defaultValue : Boolean.parseBoolean(String.valueOf(v).trim());
  }

  @Override
  public List<Object> list(String name) {
    Object v = value(name);
    if (v == null) {
      return List.of();
    }
    return v instanceof List<?> l ? List.copyOf(l) : List.of(v);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> mapping(String name) {
    Object v = value(name);
    return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
