package io.sluice.engine.runtime.task.bulkinsert;

import java.io.IOException;
import java.io.Reader;

/**
 * Cuts a data file into rows and fields at any row and field terminators (text, not one byte as
 * COPY needs) and writes each row in COPY's text format: fields joined by tabs, backslash, tab, CR
 * and LF escaped, an empty field written as NULL ({@code \N}).
 */
final class CopyText {

  private final Reader in;
  private final String rowTerminator;
  private final String fieldTerminator;
  private final boolean[] skipped;
  private final char[] chunk = new char[65536];
  private int length;
  private int at;
  private boolean ended;
  private boolean started;

  /**
   * @param skipped per field position, whether the field is left out (an identity column whose
   *     values the database generates); may be shorter than a row
   */
  CopyText(Reader in, String rowTerminator, String fieldTerminator, boolean[] skipped) {
    this.in = in;
    this.rowTerminator = rowTerminator;
    this.fieldTerminator = fieldTerminator;
    this.skipped = skipped;
  }

  /** The next row's raw text without its terminator, or null at the end of the file. */
  String nextRow() throws IOException {
    if (!started) {
      started = true;
      // a byte-order mark (Windows writes one before UTF-16 and often UTF-8 text) is no data
      if (fill() && chunk[0] == '\uFEFF') {
        at = 1;
      }
    }
    StringBuilder row = new StringBuilder();
    char last = rowTerminator.charAt(rowTerminator.length() - 1);
    while (true) {
      if (at == length) {
        if (ended || !fill()) {
          return row.length() == 0 ? null : row.toString();
        }
      }
      char c = chunk[at++];
      row.append(c);
      if (c == last && endsWith(row, rowTerminator)) {
        row.setLength(row.length() - rowTerminator.length());
        return row.toString();
      }
    }
  }

  private boolean fill() throws IOException {
    int n = in.read(chunk);
    if (n <= 0) {
      ended = true;
      return false;
    }
    length = n;
    at = 0;
    return true;
  }

  private static boolean endsWith(StringBuilder text, String suffix) {
    int start = text.length() - suffix.length();
    if (start < 0) {
      return false;
    }
    for (int i = 0; i < suffix.length(); i++) {
      if (text.charAt(start + i) != suffix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Appends {@code row} to {@code out} in COPY text format, ending with a newline. */
  void encode(String row, StringBuilder out) {
    int field = 0;
    int from = 0;
    boolean first = true;
    while (true) {
      int end = row.indexOf(fieldTerminator, from);
      int to = end < 0 ? row.length() : end;
      if (field >= skipped.length || !skipped[field]) {
        if (!first) {
          out.append('\t');
        }
        first = false;
        if (to == from) {
          out.append("\\N");
        } else {
          for (int i = from; i < to; i++) {
            char c = row.charAt(i);
            switch (c) {
              case '\\' -> out.append("\\\\");
              case '\t' -> out.append("\\t");
              case '\n' -> out.append("\\n");
              case '\r' -> out.append("\\r");
              default -> out.append(c);
            }
          }
        }
      }
      if (end < 0) {
        break;
      }
      from = end + fieldTerminator.length();
      field++;
    }
    out.append('\n');
  }
}
