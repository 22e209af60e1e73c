package io.sluice.excel;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.Formats;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes rows through SXSSF, which keeps a window of rows in memory and flushes the rest to a
 * temporary file, so a 1M-row sheet is written in bounded memory. The workbook is written to a
 * temporary file beside the target and moved over it at the end, so a failed run leaves the old
 * file as it was.
 *
 * <p>Appending to an existing workbook opens it with XSSF as SXSSF's template (the only way POI
 * adds rows below existing ones): the existing sheets are held in memory then, the new rows are
 * not.
 */
final class ExcelDestination implements ComponentRuntime {

  /** Rows SXSSF keeps in memory before flushing to its temporary file. */
  private static final int WINDOW = 256;

  private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

  private final ExcelFile file;
  private final List<Column> columns;
  private final int[] sources;
  private final boolean header;

  ExcelDestination(ExcelFile file, List<Column> columns, int[] sources, boolean header) {
    this.file = file;
    this.columns = columns;
    this.sources = sources;
    this.header = header;
  }

  @Override
  public void run(ComponentIo io) throws Exception {
    Path target = file.path();
    boolean exists = Files.exists(target);
    SXSSFWorkbook workbook;
    if (exists) {
      XSSFWorkbook template;
      try (InputStream in = Files.newInputStream(target)) {
        template = new XSSFWorkbook(in);
      } catch (org.apache.poi.UnsupportedFileFormatException e) {
        throw new IOException(
            "'"
                + target
                + "' is not an .xlsx workbook; hint: point the destination at an .xlsx"
                + " or at a file that does not exist yet",
            e);
      }
      workbook = new SXSSFWorkbook(template, WINDOW);
    } else {
      workbook = new SXSSFWorkbook(WINDOW);
    }
    long rows = 0;
    // Beside the target (so the move is a rename) and created as any new file is, with the
    // process's umask: createTempFile's owner-only mode would end up on the workbook.
    Path temp =
        target
            .toAbsolutePath()
            .resolveSibling(
                "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    try {
      int[] targetColumns = new int[columns.size()];
      SXSSFSheet sheet = sheet(workbook, targetColumns);
      // Below the header just written, or below the last row of the existing sheet (SXSSF adds
      // rows to a template's sheet only after its last one).
      int next = sheet.getLastRowNum() < 0 ? 0 : sheet.getLastRowNum() + 1;
      if (exists && workbook.getXSSFWorkbook().getSheet(sheet.getSheetName()) != null) {
        next =
            Math.max(
                next,
                workbook.getXSSFWorkbook().getSheet(sheet.getSheetName()).getLastRowNum() + 1);
      }
      Styles styles = new Styles(workbook);
      Buffer buffer;
      while ((buffer = io.take(0)) != null) {
        for (int i = 0; i < buffer.size(); i++) {
          int r = buffer.row(i);
          SXSSFRow row = sheet.createRow(next++);
          for (int c = 0; c < sources.length; c++) {
            Object v = buffer.value(sources[c], r);
            if (v != null) {
              set(row.createCell(targetColumns[c]), v, columns.get(c), styles, next);
            }
          }
        }
        rows += buffer.size();
      }
      try (OutputStream out =
          Files.newOutputStream(
              temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
        workbook.write(out);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      workbook.close();
      Files.deleteIfExists(temp);
    }
    io.information("\"" + target + "\" sheet '" + file.sheet() + "': " + rows + " rows written.");
  }

  /**
   * The sheet to write: a new one with the header row, or the existing one, whose first row's names
   * place the columns (SSIS maps input columns to the sheet's columns by name).
   */
  private SXSSFSheet sheet(SXSSFWorkbook workbook, int[] targetColumns) throws IOException {
    XSSFWorkbook xssf = workbook.getXSSFWorkbook();
    XSSFSheet existing = null;
    for (int i = 0; i < xssf.getNumberOfSheets(); i++) {
      if (xssf.getSheetName(i).equalsIgnoreCase(file.sheet())) {
        existing = xssf.getSheetAt(i);
      }
    }
    for (int c = 0; c < targetColumns.length; c++) {
      targetColumns[c] = c;
    }
    if (existing == null) {
      SXSSFSheet sheet = workbook.createSheet(file.sheet());
      if (header) {
        Row names = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
          names.createCell(c).setCellValue(columns.get(c).name());
        }
      }
      return sheet;
    }
    if (header && existing.getRow(existing.getFirstRowNum()) != null) {
      Row names = existing.getRow(existing.getFirstRowNum());
      List<String> found = new ArrayList<>();
      names.forEach(cell -> found.add(cell.toString()));
      for (int c = 0; c < columns.size(); c++) {
        String name = columns.get(c).name();
        int at = -1;
        for (var cell : names) {
          if (cell.toString().equalsIgnoreCase(name)) {
            at = cell.getColumnIndex();
          }
        }
        if (at < 0) {
          throw new IOException(
              "sheet '"
                  + existing.getSheetName()
                  + "' of '"
                  + file.path()
                  + "' has no column '"
                  + name
                  + "' in its first row; it has "
                  + String.join(", ", found)
                  + "; hint: pick the input columns with 'columns', or write to a new sheet");
        }
        targetColumns[c] = at;
      }
    }
    return workbook.getSheet(existing.getSheetName());
  }

  /** SSIS's Excel types: numbers are doubles, dates are day numbers with a date format. */
  private static void set(SXSSFCell cell, Object v, Column column, Styles styles, int row)
      throws IOException {
    if (v instanceof Double d) {
      cell.setCellValue(d);
    } else if (v instanceof Number n && !(v instanceof BigDecimal) && !(v instanceof BigInteger)) {
      cell.setCellValue(n.doubleValue());
    } else if (v instanceof BigDecimal d) {
      cell.setCellValue(d.doubleValue());
    } else if (v instanceof BigInteger i) {
      cell.setCellValue(i.doubleValue());
    } else if (v instanceof Boolean b) {
      cell.setCellValue(b);
    } else if (v instanceof LocalDateTime t) {
      cell.setCellValue(t);
      cell.setCellStyle(styles.dateTime);
    } else if (v instanceof LocalDate d) {
      cell.setCellValue(d);
      cell.setCellStyle(styles.date);
    } else if (v instanceof LocalTime t) {
      cell.setCellValue(t.toNanoOfDay() / 86_400e9);
      cell.setCellStyle(styles.time);
    } else {
      String text =
          v instanceof String s
              ? s
              : Formats.format(v, column.type() == null ? DataType.wstr(4000) : column.type());
      if (text.length() > MAX_TEXT) {
        throw new IOException(
            "column '"
                + column.name()
                + "', row "
                + row
                + ": "
                + text.length()
                + " characters do not fit an Excel cell (at most "
                + MAX_TEXT
                + ")");
      }
      cell.setCellValue(text);
    }
  }

  /** The cell styles of dates and times, made once per workbook. */
  private static final class Styles {
    final CellStyle dateTime;
    final CellStyle date;
    final CellStyle time;

    Styles(SXSSFWorkbook workbook) {
      CreationHelper helper = workbook.getCreationHelper();
      dateTime = workbook.createCellStyle();
      dateTime.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
      date = workbook.createCellStyle();
      date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
      time = workbook.createCellStyle();
      time.setDataFormat(helper.createDataFormat().getFormat("hh:mm:ss"));
    }
  }
}
