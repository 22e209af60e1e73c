package io.sluice.engine.dataflow.cache;

import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.DataTypes;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.type.DataType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a cache connection, as SSIS's Cache Connection Manager Editor lists them: a name,
 * a data type and an index position (1, 2 ... for the key columns a Lookup joins on, in order; 0
 * for the columns it returns).
 *
 * @param keys the column numbers of the index columns, by index position
 */
public record CacheColumns(RowSchema schema, int[] indexPositions, int[] keys) {

  /** The settings a cache connection takes. */
  public static final Set<String> SETTINGS = Set.of("columns", "file");

  /** The keys of one item of {@code columns}. */
  static final Set<String> COLUMN_SETTINGS = Set.of("name", "type", "index");

  /** Reads {@code columns: [{name, type, index}]}; a problem throws naming the column. */
  public static CacheColumns parse(Map<String, Object> settings) {
    if (!(settings.get("columns") instanceof List<?> items) || items.isEmpty()) {
      throw new PlanningException(
          "a cache connection needs 'columns': [{name, type, index}], index 1, 2 ... for the key"
              + " columns");
    }
    List<Column> columns = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> c) || c.get("name") == null || c.get("type") == null) {
        throw new PlanningException("a cache column needs a name and a type: " + item);
      }
      for (Object key : c.keySet()) {
        if (!COLUMN_SETTINGS.contains(String.valueOf(key))) {
          throw new PlanningException(
              "cache column '"
                  + c.get("name")
                  + "': unknown setting '"
                  + key
                  + "'; it takes name, type and index");
        }
      }
      String name = String.valueOf(c.get("name"));
      if (!names.add(name.toLowerCase(Locale.ROOT))) {
        throw new PlanningException("cache column '" + name + "' is listed twice");
      }
      DataType type = DataTypes.parse(String.valueOf(c.get("type")), "cache column '" + name + "'");
      if (type.kind() == DataType.Kind.DT_TEXT
          || type.kind() == DataType.Kind.DT_NTEXT
          || type.kind() == DataType.Kind.DT_IMAGE) {
        throw new PlanningException(
            "cache column '"
                + name
                + "' is "
                + type
                + "; a cache holds no DT_TEXT, DT_NTEXT or DT_IMAGE (as in SSIS): use DT_WSTR,"
                + " DT_STR or DT_BYTES");
      }
      int index = index(name, c.get("index"));
      columns.add(new Column(name, type));
      positions.add(index);
    }
    int keyCount = (int) positions.stream().filter(p -> p > 0).count();
    if (keyCount == 0) {
      throw new PlanningException(
          "a cache connection needs a key column: give the column a Lookup joins on 'index: 1'");
    }
    int[] keys = new int[keyCount];
    for (int position = 1; position <= keyCount; position++) {
      int at = positions.indexOf(position);
      if (at < 0 || positions.lastIndexOf(position) != at) {
        throw new PlanningException(
            "cache columns' index positions must be 1 to "
                + keyCount
                + ", each once; they are "
                + positions);
      }
      keys[position - 1] = at;
    }
    return new CacheColumns(
        RowSchema.of(columns), positions.stream().mapToInt(Integer::intValue).toArray(), keys);
  }

  private static int index(String name, Object value) {
    if (value == null) {
      return 0;
    }
    try {
      int index = Integer.parseInt(String.valueOf(value).trim());
      if (index >= 0) {
        return index;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new PlanningException(
        "cache column '" + name + "': index '" + value + "' must be 0 (not a key) or 1, 2 ...");
  }

  /** One line per column, as the cache file's header and error messages write them. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    for (int c = 0; c < schema.width(); c++) {
      text.append(c == 0 ? "" : ", ")
          .append(schema.column(c).name())
          .append(' ')
          .append(schema.column(c).type());
      if (indexPositions[c] > 0) {
        text.append(" index ").append(indexPositions[c]);
      }
    }
    return text.toString();
  }
}
