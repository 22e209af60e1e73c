package io.sluice.engine.dataflow.pipeline;

import java.util.ArrayList;
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

  /**
   * A list setting whose items hold SSIS expressions: under {@code itemKey} of each item, or the
   * items themselves when {@code itemKey} is null.
   */
  public record ExpressionSetting(String list, String itemKey) {}

  private final Set<String> keys;
  private final Map<String, Set<String>> itemKeys;
  private final List<ExpressionSetting> expressions;

  private SettingKeys(
      Set<String> keys, Map<String, Set<String>> itemKeys, List<ExpressionSetting> expressions) {
    this.keys = keys;
    this.itemKeys = itemKeys;
    this.expressions = expressions;
  }

  /** A component taking these settings besides the common ones. */
  public static SettingKeys of(String... keys) {
    return new SettingKeys(Set.of(keys), Map.of(), List.of());
  }

  /**
   * These settings, with {@code itemKey} of each item of {@code list} (or each item itself, when
   * {@code itemKey} is null) an SSIS expression: the project parser applies to it the rules of
   * every expression of a package (SSIS's rule on sensitive parameters).
   */
  public SettingKeys withExpressions(String list, String itemKey) {
    List<ExpressionSetting> more = new ArrayList<>(expressions);
    more.add(new ExpressionSetting(list, itemKey));
    return new SettingKeys(keys, itemKeys, List.copyOf(more));
  }

  /** These settings plus a list setting whose items are maps of {@code keys}. */
  public SettingKeys withItems(String list, String... keys) {
    Set<String> more = new LinkedHashSet<>(this.keys);
    more.add(list);
    Map<String, Set<String>> items = new LinkedHashMap<>(itemKeys);
    items.put(list, Set.copyOf(List.of(keys)));
    return new SettingKeys(Set.copyOf(more), Map.copyOf(items), expressions);
  }

  /** The component's own setting names (not the common ones). */
  public Set<String> keys() {
    return keys;
  }

  /** The settings that hold SSIS expressions. */
  public List<ExpressionSetting> expressions() {
    return expressions;
  }

  /** The names each item of {@code list} takes, or null when the list holds plain values. */
  public Set<String> itemKeys(String list) {
    return itemKeys.get(list);
  }
}
