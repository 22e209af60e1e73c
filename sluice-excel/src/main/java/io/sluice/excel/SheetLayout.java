package io.sluice.excel;

import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.DataTypes;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.type.DataType;
import io.sluice.excel.SheetReader.ErrorCell;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The columns an Excel source sees in its sheet, found when the flow is planned as SSIS finds them
 * at design time: the first row of the range (with {@code firstRowHasColumnNames}) names them, else
 * they are F1, F2 ... by position; their types are declared in {@code columns} or guessed from the
 * first {@code typeGuessRows} rows under the header (SSIS's TypeGuessRows, 8 by default).
 *
 * @param headerRow the zero-based sheet row of the names, or -1
 * @param sheetColumns the zero-based sheet column of each output column
 */
record SheetLayout(List<Column> columns, int headerRow, int[] sheetColumns) {

  static final int DEFAULT_GUESS_ROWS = 8;

  /** Text longer than this is guessed DT_NTEXT, as SSIS's Excel provider does. */
  static final int SHORT_TEXT = 255;

  static SheetLayout plan(ExcelFile file, Settings s) {
    boolean names = s.bool("firstRowHasColumnNames", true);
    long guess = s.number("typeGuessRows", DEFAULT_GUESS_ROWS);
    if (guess < 1) {
      throw new PlanningException("typeGuessRows must be 1 or more, not " + guess);
    }
    List<Settings> declared = s.list("columns");
    Probe probe = new Probe(file.range(), names, declared.isEmpty() ? (int) guess : 0);
    try {
      SheetReader.read(file.path(), file.sheet(), probe);
    } catch (IOException e) {
      throw new PlanningException(e.getMessage(), e);
    }
    // Sheet column -> name, from the header or by position.
    TreeMap<Integer, String> found = new TreeMap<>(probe.header);
    for (Object[] row : probe.rows) {
      for (int c = 0; c < row.length; c++) {
        if (row[c] != null) {
          found.putIfAbsent(c, null);
        }
      }
    }
    int first =
        file.range().firstColumn() == 0 && !found.isEmpty()
            ? found.firstKey()
            : file.range().firstColumn();
    if (!declared.isEmpty() && !names) {
      first = file.range().firstColumn();
    }
    List<Column> columns = new ArrayList<>();
    List<Integer> sheetColumns = new ArrayList<>();
    if (!declared.isEmpty()) {
      for (int i = 0; i < declared.size(); i++) {
        Settings d = declared.get(i);
        String name = d.string("name");
        DataType type = DataTypes.parse(d.string("type", "DT_WSTR,255"), "column '" + name + "'");
        int at;
        if (names) {
          at =
              probe.header.entrySet().stream()
                  .filter(e -> name.equalsIgnoreCase(e.getValue()))
                  .map(Map.Entry::getKey)
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new PlanningException(
                              "sheet '"
                                  + file.sheet()
                                  + "' of '"
                                  + file.path()
                                  + "' has no column '"
                                  + name
                                  + "' in its first row; it has "
                                  + String.join(", ", probe.header.values())));
        } else {
          at = first + i;
        }
        columns.add(new Column(name, type));
        sheetColumns.add(at);
      }
    } else if (!found.isEmpty()) {
      int last = found.lastKey();
      for (int c = first; c <= last; c++) {
        String name = probe.header.get(c);
        if (name == null || name.isBlank()) {
          name = "F" + (c - first + 1);
        }
        columns.add(new Column(name, guess(probe.rows, c)));
        sheetColumns.add(c);
      }
    }
    if (columns.isEmpty()) {
      throw new PlanningException(
          "sheet '"
              + file.sheet()
              + "' of '"
              + file.path()
              + "' has no cells"
              + (file.range() == CellRange.WHOLE_SHEET ? "" : " in the range")
              + "; hint: declare its columns, or point 'sheet' or 'range' at the data");
    }
    return new SheetLayout(
        columns, probe.headerRow, sheetColumns.stream().mapToInt(Integer::intValue).toArray());
  }

  /** SSIS's guess: one type all the sampled values share, else text. */
  private static DataType guess(List<Object[]> rows, int column) {
    Class<?> kind = null;
    boolean mixed = false;
    boolean longText = false;
    for (Object[] row : rows) {
      Object v = column < row.length ? row[column] : null;
      if (v == null || v instanceof ErrorCell) {
        continue; // an error (#DIV/0!) says nothing of the column's type; reading it fails the row
      }
      Class<?> k = v.getClass();
      if (v instanceof String text && text.length() > SHORT_TEXT) {
        longText = true;
      }
      if (kind == null) {
        kind = k;
      } else if (kind != k) {
        mixed = true;
      }
    }
    if (longText) {
      return DataType.NTEXT;
    }
    if (!mixed && kind == Double.class) {
      return DataType.R8;
    }
    if (!mixed && kind == LocalDateTime.class) {
      return DataType.DATE;
    }
    if (!mixed && kind == Boolean.class) {
      return DataType.BOOL;
    }
    return DataType.wstr(SHORT_TEXT);
  }

  /** Reads the header row and the first rows under it, then stops. */
  private static final class Probe implements SheetReader.RowHandler {
    private final CellRange range;
    private final boolean names;
    private final int wanted;
    final Map<Integer, String> header = new TreeMap<>();
    final List<Object[]> rows = new ArrayList<>();
    int headerRow = -1;

    Probe(CellRange range, boolean names, int wanted) {
      this.range = range;
      this.names = names;
      this.wanted = wanted;
    }

    @Override
    public boolean row(int row, int[] columns, Object[] values, int count) {
      if (row < range.firstRow()) {
        return true;
      }
      if (!range.containsRow(row)) {
        return false;
      }
      if (names && headerRow < 0) {
        headerRow = row;
        for (int i = 0; i < count; i++) {
          if (range.containsColumn(columns[i])) {
            header.put(columns[i], String.valueOf(text(values[i])));
          }
        }
        return wanted > 0 || header.isEmpty();
      }
      if (rows.size() >= wanted) {
        return false;
      }
      int width = 0;
      for (int i = 0; i < count; i++) {
        width = Math.max(width, columns[i] + 1);
      }
      Object[] cells = new Object[width];
      for (int i = 0; i < count; i++) {
        if (range.containsColumn(columns[i])) {
          cells[columns[i]] = values[i];
        }
      }
      rows.add(cells);
      return rows.size() < wanted;
    }

    private static Object text(Object v) {
      if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
        return Long.toString(d.longValue());
      }
      return v;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SheetLayout l
        && l.columns.equals(columns)
        && l.headerRow == headerRow
        && Arrays.equals(l.sheetColumns, sheetColumns);
  }

  @Override
  public int hashCode() {
    return columns.hashCode() * 31 + Arrays.hashCode(sheetColumns);
  }

  @Override
  public String toString() {
    return columns.toString();
  }
}
