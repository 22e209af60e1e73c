package io.sluice.cli.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sluice.engine.project.InvisibleCharacters;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

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

  private static final Pattern PLAIN_NAME =
      Pattern.compile("[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.\\-]*[\\p{L}\\p{N}_])?");
  private static final Pattern LINE_BREAKS = Pattern.compile("\\r\\n|[\\r\\n\\t]");

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

  /**
   * How a value appears in a table cell: times local, nulls empty, on one line, and a control or
   * invisible character written as {@code <U+202E>} instead of reordering the row.
   */
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
    return InvisibleCharacters.visible(LINE_BREAKS.matcher(value.toString()).replaceAll(" "));
  }

  /**
   * A name as messages for people show it: as it is when it is plain (letters, digits, {@code _ .
   * -}, starting and ending with a letter, digit or {@code _}); otherwise quoted, so that {@code
   * '../x'}, {@code 'month end'} or {@code '-x'} read as one name and where it ends is clear, with
   * a control or invisible character written as {@code <U+202E>}. Names in JSON stay as stored.
   */
  public static String name(String name) {
    if (name != null && PLAIN_NAME.matcher(name).matches()) {
      return name;
    }
    String shown = InvisibleCharacters.visible(String.valueOf(name));
    return shown.indexOf('\'') < 0 ? "'" + shown + "'" : "\"" + shown + "\"";
  }

  /**
   * Text for the terminal (an error, an execution's message): its line breaks kept, any other
   * control or invisible character written as {@code <U+202E>}.
   */
  public static String terminal(String text) {
    if (text == null) {
      return null;
    }
    String[] lines = text.split("\\r?\\n", -1);
    for (int i = 0; i < lines.length; i++) {
      lines[i] = InvisibleCharacters.visible(lines[i]);
    }
    return String.join("\n", lines);
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
