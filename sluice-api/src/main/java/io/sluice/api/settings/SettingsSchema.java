package io.sluice.api.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting a plugin type takes. Sluice checks a task's or component's settings against it
 * before the plugin sees them, when the project is validated, packed or deployed (from the jar's
 * descriptor, without loading the plugin) and again on the worker: a misspelt or missing setting, a
 * value not allowed, a connection of the wrong type are reported as for a built-in type.
 */
public final class SettingsSchema {

  private final Map<String, Setting> settings;

  private SettingsSchema(Map<String, Setting> settings) {
    this.settings = settings;
  }

  public static SettingsSchema of(Setting... settings) {
    return of(List.of(settings));
  }

  /**
   * @throws IllegalArgumentException when two settings share a name
   */
  public static SettingsSchema of(List<Setting> settings) {
    Map<String, Setting> byName = new LinkedHashMap<>();
    for (Setting s : settings) {
      if (byName.put(s.name(), s) != null) {
        throw new IllegalArgumentException("setting '" + s.name() + "' is declared twice");
      }
    }
    return new SettingsSchema(byName);
  }

  /** A schema of no settings. */
  public static SettingsSchema none() {
    return new SettingsSchema(Map.of());
  }

  public List<Setting> settings() {
    return new ArrayList<>(settings.values());
  }

  public Optional<Setting> find(String name) {
    return Optional.ofNullable(settings.get(name));
  }
}
