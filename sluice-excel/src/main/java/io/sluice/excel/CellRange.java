package io.sluice.excel;

import io.sluice.engine.dataflow.pipeline.PlanningException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A block of cells (SSIS's OpenRowset {@code Sheet1$A1:D100}), zero-based and inclusive; the whole
 * sheet when no range is given. A range may leave out its last row ({@code A1:D}).
 */
record CellRange(int firstRow, int lastRow, int firstColumn, int lastColumn) {

  static final CellRange WHOLE_SHEET = new CellRange(0, Integer.MAX_VALUE, 0, Integer.MAX_VALUE);

  private static final Pattern RANGE =
      Pattern.compile("([A-Z]{1,3})(\\d*)(?::([A-Z]{1,3})(\\d*))?", Pattern.CASE_INSENSITIVE);

  static CellRange parse(String text) {
    Matcher m = RANGE.matcher(text.trim());
    if (!m.matches() || m.group(3) == null) {
      throw new PlanningException(
          "range '" + text + "' is not a cell range; write it as in Excel, e.g. A1:D100 or B3:F");
    }
    int firstRow = m.group(2).isEmpty() ? 0 : Integer.parseInt(m.group(2)) - 1;
    int lastRow = m.group(4).isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(m.group(4)) - 1;
    int firstColumn = column(m.group(1));
    int lastColumn = column(m.group(3));
    if (firstRow < 0 || lastRow < firstRow || lastColumn < firstColumn) {
      throw new PlanningException(
          "range '" + text + "' is empty; its first cell must be above and left of its last");
    }
    return new CellRange(firstRow, lastRow, firstColumn, lastColumn);
  }

  /** The zero-based column of letters such as {@code AB}. */
  static int column(String letters) {
    int n = 0;
    for (char ch : letters.toUpperCase(Locale.ROOT).toCharArray()) {
      n = n * 26 + (ch - 'A' + 1);
    }
    return n - 1;
  }

  boolean containsRow(int row) {
    return row >= firstRow && row <= lastRow;
  }

  boolean containsColumn(int column) {
    return column >= firstColumn && column <= lastColumn;
  }
}
