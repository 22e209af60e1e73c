package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts one kind of SSIS component into the settings of its engine counterpart (the shape of the
 * engine's own {@code ComponentType}s: one small class per component). A component that cannot be
 * converted throws {@link FlowContext.NotConvertible} with the reason.
 */
interface ComponentConverter {

  Converted convert(SsisComponent c, FlowContext f);

  /**
   * The engine component a converter made.
   *
   * <p>{@code settings} start with {@code type}; the data flow converter adds the name and the
   * inputs. {@code outputs} gives, by SSIS output refId, the engine output it became (the error
   * output is {@code Error} and the first other output {@code Output} unless said here).
   */
  final class Converted {
    final Map<String, Object> settings = new LinkedHashMap<>();
    final Map<String, String> outputs = new HashMap<>();
    final List<String> notes = new ArrayList<>();

    /** Settings Sluice does not honour: property name to why. */
    final Map<String, String> unhonoured = new LinkedHashMap<>();

    /**
     * Columns to rename before an input (input index to new name to upstream name): the engine's
     * Union All matches columns by name and its Merge Join does not rename, so a small Derived
     * Column before the input gives the names SSIS mapped.
     */
    final Map<Integer, Map<String, String>> inputRenames = new HashMap<>();

    /**
     * Why the component, though of its real engine type and wired, does not yet do what it did in
     * SSIS (a Script Component whose Java fails until ported), or null. The report counts such a
     * stub as a placeholder, with {@link #stubTodo}.
     */
    String stubWhy;

    String stubTodo;

    Converted(String type) {
      settings.put("type", type);
    }

    Converted put(String key, Object value) {
      settings.put(key, value);
      return this;
    }

    Converted putIf(String key, Object value) {
      if (value != null) {
        settings.put(key, value);
      }
      return this;
    }
  }
}
