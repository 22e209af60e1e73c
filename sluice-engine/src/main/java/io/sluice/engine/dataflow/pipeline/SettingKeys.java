package io.sluice.engine.dataflow.pipeline;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The setting names a component type reads, and for its lists of maps (a Derived Column's {@code
 * columns}, a Conditional Split's {@code conditions}) the names each item takes. Structure only, so
 * a misspelt setting is refused when the project is validated or deployed instead of being ignored
 * while the flow runs. Maps whose keys are column names ({@code joins}, {@code mappings}, {@code
 * columnErrors}) are free and not listed here.
 */
public final class SettingKeys {

  /** Keys every component has, read by the data flow itself rather than by its type. */
  public static final Set<String> COMMON = Set.of("name", "type", "input", "inputs");

  private final Set<String> keys;
  private final Map<String, Set<String>> itemKeys;

  private SettingKeys(Set<String> keys, Map<String, Set<String>> itemKeys) {
    this.keys = keys;
    this.itemKeys = itemKeys;
  }

  /** A component taking these settings besides the common ones. */
  public static SettingKeys of(String... keys) {
    return new SettingKeys(Set.of(keys), Map.of());
  }

  /** These settings plus a list setting whose items are maps of {@code keys}. */
  public SettingKeys withItems(String list, String... keys) {
    Set<String> more = new LinkedHashSet<>(this.keys);
    more.add(list);
    Map<String, Set<String>> items = new LinkedHashMap<>(itemKeys);
    items.put(list, Set.copyOf(List.of(keys)));
    return new SettingKeys(Set.copyOf(more), Map.copyOf(items));
  }

  /** The component's own setting names (not the common ones). */
  public Set<String> keys() {
    return keys;
  }

  /** The names each item of {@code list} takes, or null when the list holds plain values. */
  public Set<String> itemKeys(String list) {
    return itemKeys.get(list);
  }
}
