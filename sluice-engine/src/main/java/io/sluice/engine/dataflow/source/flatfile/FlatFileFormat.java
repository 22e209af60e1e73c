package io.sluice.engine.dataflow.source.flatfile;

import io.sluice.engine.dataflow.FlatFileConnection;
import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.DataTypes;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.project.InvisibleCharacters;
import io.sluice.engine.project.ObjectNames;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.ValueConverter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A flat file connection's format: delimited or fixed width, delimiter, text qualifier, header,
 * encoding and typed columns. Shared by the Flat File source and destination.
 *
 * @param widths for fixed width files, each column's width in bytes; empty for delimited files
 */
public record FlatFileFormat(
    Path path,
    boolean fixedWidth,
    byte delimiter,
    int qualifier,
    boolean headerRow,
    int headerRowsToSkip,
    Charset charset,
    boolean retainNulls,
    List<Column> columns,
    List<Integer> widths) {

  /**
   * Every format setting a flat file connection takes (its {@code file} is the connection's own).
   * The project parser refuses any other key, so a setting the engine ignores cannot be written.
   */
  public static final Set<String> SETTINGS =
      Set.of(
          "format",
          "delimiter",
          "textQualifier",
          "headerRow",
          "headerRowsToSkip",
          "encoding",
          "codePage",
          "retainNulls",
          "columns");

  /** Reads the settings; columns default to the header's names as DT_STR,50 (as SSIS does). */
  public static FlatFileFormat of(FlatFileConnection connection, boolean mustExist) {
    return read(connection, mustExist, true);
  }

  /**
   * Checks the format settings without a file: what {@link #of} would refuse whatever the file
   * holds. Throws {@link PlanningException} with the cause.
   */
  public static void check(Map<String, Object> settings) {
    read(new FlatFileConnection(Path.of("."), settings), false, false);
  }

  private static FlatFileFormat read(
      FlatFileConnection connection, boolean mustExist, boolean needColumns) {
    Settings s = new Settings(connection.settings(), "connection ");
    String format = s.string("format", "delimited").toLowerCase(Locale.ROOT);
    boolean fixed =
        switch (format) {
          case "delimited" -> false;
          case "fixedwidth", "fixed" -> true;
          default ->
              throw new PlanningException(
                  "flat file format '" + format + "' is unknown; use delimited or fixedWidth");
        };
    Charset charset = charset(s);
    if (!charset.newEncoder().canEncode(",\"\n") || charset.name().startsWith("UTF-16")) {
      throw new PlanningException(
          "encoding "
              + charset
              + " is not supported yet; use UTF-8 or a single-byte code page (1252, 28591 ...)");
    }
    byte delimiter = asciiByte(unescape(s.string("delimiter", ",")), "delimiter");
    String q = s.string("textQualifier", "\"");
    int qualifier = q.isEmpty() || q.equalsIgnoreCase("none") ? -1 : asciiByte(q, "textQualifier");
    boolean header = s.bool("headerRow", false);
    int skip = (int) s.number("headerRowsToSkip", 0);
    List<Column> columns = new ArrayList<>();
    List<Integer> widths = new ArrayList<>();
    for (Settings c : s.list("columns")) {
      String name = c.string("name");
      InvisibleCharacters.problem("column name", name)
          .ifPresent(
              why -> {
                throw new PlanningException(why + "; " + ObjectNames.INVISIBLE_HINT);
              });
      DataType type =
          c.has("type")
              ? DataTypes.parse(c.string("type"), "column '" + name + "'")
              : DataType.str(50, codePage(charset));
      columns.add(new Column(name, type));
      if (fixed) {
        long width = c.number("width", 0);
        if (width <= 0) {
          throw new PlanningException("fixed width column '" + name + "' needs a positive width");
        }
        widths.add((int) width);
      }
    }
    Path path = connection.path();
    if (mustExist && !Files.isRegularFile(path)) {
      throw new PlanningException("file " + path + " does not exist");
    }
    if (columns.isEmpty() && (needColumns || !header || fixed)) {
      if (!header || fixed || !mustExist) {
        throw new PlanningException(
            "the flat file connection defines no columns; list them under 'columns'");
      }
      for (String name : headerNames(path, charset, delimiter, qualifier, skip)) {
        columns.add(new Column(name, DataType.str(50, codePage(charset))));
      }
    }
    return new FlatFileFormat(
        path,
        fixed,
        delimiter,
        qualifier,
        header,
        skip,
        charset,
        s.bool("retainNulls", false),
        List.copyOf(columns),
        List.copyOf(widths));
  }

  private static List<String> headerNames(
      Path path, Charset charset, byte delimiter, int qualifier, int skip) {
    try (DelimitedRecordReader reader =
        new DelimitedRecordReader(Files.newInputStream(path), delimiter, qualifier)) {
      for (int i = 0; i <= skip; i++) {
        if (!reader.next()) {
          throw new PlanningException("file " + path + " has no header row");
        }
      }
      List<String> names = new ArrayList<>();
      for (int f = 0; f < reader.fieldCount(); f++) {
        names.add(reader.text(f, charset));
      }
      return names;
    } catch (IOException e) {
      throw new PlanningException("cannot read the header of " + path + ": " + e.getMessage(), e);
    }
  }

  private static Charset charset(Settings s) {
    if (s.has("encoding")) {
      try {
        return Charset.forName(s.string("encoding"));
      } catch (IllegalArgumentException e) {
        throw new PlanningException("encoding '" + s.string("encoding") + "' is unknown");
      }
    }
    long codePage = s.number("codePage", 65001);
    return ValueConverter.charset((int) codePage);
  }

  static int codePage(Charset charset) {
    if (charset.equals(StandardCharsets.UTF_8)) {
      return 65001;
    }
    String name = charset.name();
    if (name.startsWith("windows-")) {
      return Integer.parseInt(name.substring(8));
    }
    return 1252;
  }

  private static String unescape(String text) {
    return switch (text) {
      case "\\t", "tab", "{t}" -> "\t";
      case "|", "pipe" -> "|";
      case "\\n" -> "\n";
      default -> text;
    };
  }

  private static byte asciiByte(String text, String what) {
    if (text.length() != 1 || text.charAt(0) > 127) {
      throw new PlanningException(what + " must be one ASCII character, not '" + text + "'");
    }
    return (byte) text.charAt(0);
  }

  /** A format for writing rows of these columns (a destination whose connection lists none). */
  public static FlatFileFormat withColumns(FlatFileConnection connection, List<Column> columns) {
    Map<String, Object> settings = new LinkedHashMap<>(connection.settings());
    List<Object> declared = new ArrayList<>();
    for (Column c : columns) {
      declared.add(Map.of("name", c.name(), "type", c.type().toString()));
    }
    settings.put("columns", declared);
    return of(new FlatFileConnection(connection.path(), settings), false);
  }

  /** Rows to skip before data: the skipped rows and the header. */
  public int leadingRows() {
    return headerRowsToSkip + (headerRow ? 1 : 0);
  }
}
