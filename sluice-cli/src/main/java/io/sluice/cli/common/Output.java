package io.sluice.cli.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Prints results: aligned tables for people, or JSON (the same objects) for scripts with --json.
 */
public final class Output {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private final PrintStream out;
  private final boolean json;

  public Output(PrintStream out, boolean json) {
    this.out = out;
    this.json = json;
  }

  public boolean json() {
    return json;
  }

  /** One column of a table: its header and how to read it from a row. */
  public record Column<T>(String header, Function<T, Object> value) {}

  public static <T> Column<T> column(String header, Function<T, Object> value) {
    return new Column<>(header, value);
  }

  /** Rows as a table, or as a JSON array with --json. */
  @SafeVarargs
  public final <T> void table(List<T> rows, Column<T>... columns) {
    if (json) {
      printJson(rows);
      return;
    }
    List<String[]> cells = new ArrayList<>();
    String[] headers = new String[columns.length];
    int[] widths = new int[columns.length];
    for (int c = 0; c < columns.length; c++) {
      headers[c] = columns[c].header();
      widths[c] = headers[c].length();
    }
    for (T row : rows) {
      String[] line = new String[columns.length];
      for (int c = 0; c < columns.length; c++) {
        line[c] = text(columns[c].value().apply(row));
        widths[c] = Math.max(widths[c], line[c].length());
      }
      cells.add(line);
    }
    printRow(headers, widths);
    String[] rules = new String[columns.length];
    for (int c = 0; c < columns.length; c++) {
      rules[c] = "-".repeat(widths[c]);
    }
    printRow(rules, widths);
    for (String[] line : cells) {
      printRow(line, widths);
    }
    if (rows.isEmpty()) {
      out.println("(none)");
    }
  }

  /** One object: as "key: value" lines, or as JSON. */
  public void object(Object value, List<String[]> keyValues) {
    if (json) {
      printJson(value);
      return;
    }
    int width = keyValues.stream().mapToInt(kv -> kv[0].length()).max().orElse(0);
    for (String[] kv : keyValues) {
      out.println(pad(kv[0] + ":", width + 1) + " " + kv[1]);
    }
  }

  /** A line for people under a table; nothing with --json (the JSON carries it). */
  public void line(String text) {
    if (!json) {
      out.println(text);
    }
  }

  /** A confirmation for people; with --json the object it concerns. */
  public void done(String message, Object value) {
    if (json) {
      printJson(value);
    } else {
      out.println(message);
    }
  }

  public void printJson(Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How a value appears in a table cell: times local, nulls empty. */
  public static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Instant instant) {
      return LOCAL_TIME.format(instant);
    }
    if (value instanceof java.time.OffsetDateTime odt) {
      return LOCAL_TIME.format(odt.toInstant());
    }
    return value.toString().replace('\n', ' ');
  }

  private void printRow(String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        line.append("  ");
      }
      line.append(c == cells.length - 1 ? cells[c] : pad(cells[c], widths[c]));
    }
    out.println(line.toString().stripTrailing());
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
