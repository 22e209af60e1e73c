package io.sluice.engine.runtime.controlflow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts the value of a property expression into an executable's settings. A dotted name reaches into
 * a nested mapping: {@code enumerator.folder} sets the Foreach enumerator's folder, as SSIS sets
 * the enumerator's Directory by expression.
 */
final class PropertyValues {

  private PropertyValues() {}

  @SuppressWarnings("unchecked")
  static void put(Map<String, Object> settings, String property, Object value) {
    int dot = property.indexOf('.');
    if (dot < 0) {
      settings.put(property, value);
      return;
    }
    String head = property.substring(0, dot);
    Object nested = settings.get(head);
    Map<String, Object> copy =
        nested instanceof Map<?, ?> m
            ? new LinkedHashMap<>((Map<String, Object>) m)
            : new LinkedHashMap<>();
    put(copy, property.substring(dot + 1), value);
    settings.put(head, copy);
  }
}
