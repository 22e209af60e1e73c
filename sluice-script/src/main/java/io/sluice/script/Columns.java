package io.sluice.script;

import io.sluice.api.PluginException;
import io.sluice.api.component.ColumnType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A Script Component's columns in row order, found by name as written or ignoring case. */
final class Columns {

  private final List<String> names;
  private final ColumnType[] types;
  private final int[] maxLengths;
  private final String[] ssisTypes;
  private final Map<String, Integer> exact = new HashMap<>();
  private final Map<String, Integer> folded = new HashMap<>();

  Columns(List<ComponentShape.Col> columns) {
    this.names = columns.stream().map(ComponentShape.Col::name).toList();
    this.types = columns.stream().map(ComponentShape.Col::type).toArray(ColumnType[]::new);
    this.maxLengths = columns.stream().mapToInt(ComponentShape.Col::maxLength).toArray();
    this.ssisTypes = columns.stream().map(ComponentShape.Col::ssisType).toArray(String[]::new);
    for (int i = 0; i < names.size(); i++) {
      exact.putIfAbsent(names.get(i), i);
      folded.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i);
    }
  }

  /** The index of a column; a name as written costs one hash lookup. */
  int index(String name) {
    Integer i = exact.get(name);
    if (i == null) {
      i = folded.get(name.toLowerCase(Locale.ROOT));
      if (i == null) {
        throw new PluginException(
            "the script uses column '" + name + "', which the component does not have",
            "its columns are " + names + "; declare new ones in 'outputColumns'");
      }
    }
    return i;
  }

  String name(int index) {
    return names.get(index);
  }

  ColumnType type(int index) {
    return types[index];
  }

  /** The declared length of a string column, 0 when it has none. */
  int maxLength(int index) {
    return maxLengths[index];
  }

  String ssisType(int index) {
    return ssisTypes[index];
  }
}
