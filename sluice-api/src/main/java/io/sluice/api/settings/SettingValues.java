package io.sluice.api.settings;

import java.util.List;
import java.util.Map;

/**
 * A task's or component's settings, already checked against its {@link SettingsSchema} (property
 * expressions applied): every value has the declared type, every required one is there. Reading a
 * name the schema does not declare is a programming error of the plugin and throws {@link
 * IllegalArgumentException}.
 */
public interface SettingValues {

  /** Whether the setting is given. */
  boolean has(String name);

  /** A text, choice or connection setting; null when absent. */
  String text(String name);

  long integer(String name, long defaultValue);

  boolean bool(String name, boolean defaultValue);

  /**
   * A list setting's items as written (strings, numbers, booleans, lists, maps); empty if absent.
   */
  List<Object> list(String name);

  /** A mapping setting as written; empty if absent. */
  Map<String, Object> mapping(String name);
}
