package io.sluice.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams the rows of one sheet of an .xlsx: POI's {@link XSSFReader} opens the package, the
 * sheet's XML is parsed with SAX as it is inflated, so only the current row is held (plus the
 * shared strings table, which Excel keeps in one part of its own; files Sluice writes use inline
 * strings).
 *
 * <p>The sheet XML is read by a handler of our own rather than POI's XSSFSheetXMLHandler: that one
 * hands out each cell as text formatted for display, which loses the cell's type (a number, a date,
 * TRUE) and a double's last digits. Here a cell becomes a {@link Double}, a {@link String}, a
 * {@link Boolean}, a {@link LocalDateTime} (a number with a date format, as Excel stores dates) or
 * a {@link ErrorCell}.
 */
final class SheetReader {

  /** A cell holding an Excel error such as {@code #DIV/0!}: converting it fails the value. */
  record ErrorCell(String code) {
    @Override
    public String toString() {
      return code;
    }
  }

  /** Receives the cells of one row; returns false to stop reading. */
  interface RowHandler {
    boolean row(int row, int[] columns, Object[] values, int count);
  }

  private SheetReader() {}

  /** Fails with the file's name when it cannot be opened as an .xlsx workbook. */
  static OPCPackage open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(
          "Excel file '"
              + file
              + "' does not exist; hint: check the path of 'file' or the connection");
    }
    try {
      return OPCPackage.open(file.toFile(), PackageAccess.READ);
    } catch (InvalidFormatException | IllegalArgumentException e) {
      // POI's UnsupportedFileFormatException (an .xls, a text file) is an IllegalArgumentException
      throw new IOException(
          "'"
              + file
              + "' is not an .xlsx workbook; hint: save it from Excel as an Excel Workbook (.xlsx)",
          e);
    }
  }

  /** The names of the workbook's sheets, in order. */
  static List<String> sheetNames(Path file) throws IOException {
    try (OPCPackage pkg = open(file)) {
      XSSFReader reader = new XSSFReader(pkg);
      List<String> names = new ArrayList<>();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (sheets.hasNext()) {
        sheets.next().close();
        names.add(sheets.getSheetName());
      }
      return names;
    } catch (OpenXML4JException e) {
      throw new IOException("cannot read the sheets of '" + file + "': " + e.getMessage(), e);
    }
  }

  /**
   * Reads {@code sheet}'s rows in order, giving {@code handler} each row that has a cell. Fails
   * naming the sheets the workbook has when {@code sheet} is not one of them (case-insensitive, as
   * Excel names sheets).
   */
  static void read(Path file, String sheet, RowHandler handler) throws IOException {
    try (OPCPackage pkg = open(file)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      StylesTable styles = reader.getStylesTable();
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      List<String> names = new ArrayList<>();
      while (sheets.hasNext()) {
        try (InputStream in = sheets.next()) {
          String name = sheets.getSheetName();
          names.add(name);
          if (name.equalsIgnoreCase(sheet)) {
            parse(in, new Handler(strings, styles, handler));
            return;
          }
        }
      }
      throw new IOException(missingSheet(file, sheet, names));
    } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
      throw new IOException("cannot read sheet '" + sheet + "' of '" + file + "': " + e, e);
    } catch (Stop e) {
      // the handler had enough rows
    }
  }

  static String missingSheet(Path file, String sheet, List<String> names) {
    return "'"
        + file
        + "' has no sheet '"
        + sheet
        + "'; its sheets are "
        + String.join(", ", names)
        + "; hint: write one of them in 'sheet'"
        // An example from this workbook: a fixed "Sheet1" read as the missing name suggested again.
        + (names.isEmpty() ? "" : " (" + names.get(0) + " or " + names.get(0) + "$)");
  }

  private static void parse(InputStream in, Handler handler)
      throws IOException, SAXException, ParserConfigurationException {
    XMLReader xml = SAXHelper.newXMLReader();
    xml.setContentHandler(handler);
    xml.parse(new InputSource(in));
  }

  /** Thrown through the SAX parser to stop reading early. */
  private static final class Stop extends RuntimeException {
    Stop() {
      super(null, null, false, false);
    }
  }

  /** The SAX handler of a sheet part: collects a row's cells and hands the row on at its end. */
  private static final class Handler extends DefaultHandler {
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final RowHandler rows;
    private final StringBuilder text = new StringBuilder();
    private int[] columns = new int[64];
    private Object[] values = new Object[64];
    private int count;
    private int row = -1;
    private int nextColumn;
    private int column;
    private String type;
    private int style;
    private boolean inValue;
    private boolean inInline;
    private boolean inCell;
    private boolean hasValue;

    Handler(ReadOnlySharedStringsTable strings, StylesTable styles, RowHandler rows) {
      this.strings = strings;
      this.styles = styles;
      this.rows = rows;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
      switch (localName) {
        case "row" -> {
          String r = atts.getValue("r");
          row = r == null ? row + 1 : Integer.parseInt(r) - 1;
          count = 0;
          nextColumn = 0;
        }
        case "c" -> {
          String r = atts.getValue("r");
          column = r == null ? nextColumn : columnOf(r);
          nextColumn = column + 1;
          type = atts.getValue("t");
          String s = atts.getValue("s");
          style = s == null ? 0 : Integer.parseInt(s);
          inCell = true;
          hasValue = false;
          text.setLength(0);
        }
        case "v" -> {
          inValue = true;
          hasValue = true;
          text.setLength(0);
        }
        case "is" -> {
          inInline = true;
          hasValue = true;
          text.setLength(0);
        }
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue || (inInline && inCell)) {
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      switch (localName) {
        case "v" -> inValue = false;
        case "is" -> inInline = false;
        case "c" -> {
          inCell = false;
          if (hasValue) {
            add(column, value());
          }
        }
        case "row" -> {
          if (count > 0 && !rows.row(row, columns, values, count)) {
            throw new Stop();
          }
        }
        default -> {}
      }
    }

    private void add(int column, Object value) {
      if (value == null) {
        return;
      }
      if (count == columns.length) {
        columns = java.util.Arrays.copyOf(columns, count * 2);
        values = java.util.Arrays.copyOf(values, count * 2);
      }
      columns[count] = column;
      values[count] = value;
      count++;
    }

    private Object value() {
      String v = text.toString();
      if (type == null || type.equals("n")) {
        if (v.isEmpty()) {
          return null;
        }
        double d = Double.parseDouble(v);
        return isDate(style) ? DateUtil.getLocalDateTime(d, false, true) : d;
      }
      return switch (type) {
        case "s" -> strings.getItemAt(Integer.parseInt(v.trim())).getString();
        case "inlineStr", "str" -> v;
        case "b" -> v.equals("1") || v.equalsIgnoreCase("true");
        case "e" -> new ErrorCell(v);
        case "d" ->
            v.isEmpty()
                ? null
                : LocalDateTime.parse(v.endsWith("Z") ? v.substring(0, v.length() - 1) : v);
        default -> v;
      };
    }

    private Boolean[] dateStyles = new Boolean[16];

    /** Whether cells of this style show a date: Excel keeps dates as day numbers. */
    private boolean isDate(int index) {
      if (index == 0 || styles == null) {
        return false;
      }
      if (index >= dateStyles.length) {
        dateStyles = java.util.Arrays.copyOf(dateStyles, index + 16);
      }
      Boolean known = dateStyles[index];
      if (known == null) {
        XSSFCellStyle s = index < styles.getNumCellStyles() ? styles.getStyleAt(index) : null;
        known = s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
        dateStyles[index] = known;
      }
      return known;
    }

    private static int columnOf(String reference) {
      int n = 0;
      for (int i = 0; i < reference.length(); i++) {
        char ch = reference.charAt(i);
        if (ch < 'A' || ch > 'Z') {
          break;
        }
        n = n * 26 + (ch - 'A' + 1);
      }
      return n - 1;
    }
  }
}
