package io.sluice.engine.dataflow;

import io.sluice.api.text.Articles;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.project.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the settings of a component its type does not read, with the one probably meant: a misspelt
 * optional setting ({@code onEror: redirect}) would otherwise be ignored silently.
 */
final class UnknownSettings {

  private UnknownSettings() {}

  /**
   * One unknown key.
   *
   * @param path the key's place in the component, e.g. {@code [columns, 2, expresion]}
   */
  record Unknown(List<Object> path, String message) {}

  static List<Unknown> find(ComponentSpec spec, SettingKeys keys) {
    List<Unknown> found = new ArrayList<>();
    String where = Articles.a(spec.type()) + " component";
    Set<String> known = new LinkedHashSet<>(SettingKeys.COMMON);
    known.addAll(keys.keys());
    for (Map.Entry<String, Object> e : spec.settings().asMap().entrySet()) {
      String key = e.getKey();
      if (!keys.keys().contains(key)) {
        found.add(new Unknown(List.of(key), Suggestions.unknown("setting", key, where, known)));
        continue;
      }
      Set<String> itemKeys = keys.itemKeys(key);
      if (itemKeys != null && e.getValue() instanceof List<?> items) {
        int position = 0;
        for (Object item : items) {
          position++;
          if (!(item instanceof Map<?, ?> map)) {
            continue; // the component's own planning says what an item must be
          }
          for (Object itemKey : map.keySet()) {
            String name = String.valueOf(itemKey);
            if (!itemKeys.contains(name)) {
              found.add(
                  new Unknown(
                      List.of(key, position, name),
                      Suggestions.unknown(
                          "setting", name, "'" + key + "' item " + position, itemKeys)));
            }
          }
        }
      }
    }
    return found;
  }
}
