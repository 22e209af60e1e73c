package io.sluice.excel;

import io.sluice.engine.dataflow.DataFlowEnvironment;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.Settings;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where an Excel component reads or writes: the workbook (SSIS's Excel connection manager's
 * ExcelFilePath: {@code file}, or {@code connection}, a {@code file} connection holding the path)
 * and the sheet (SSIS's OpenRowset: {@code Sheet1}, {@code Sheet1$} or {@code Sheet1$A1:D100}),
 * with an optional {@code range}.
 */
record ExcelFile(Path path, String sheet, CellRange range) {

  static ExcelFile of(Settings settings, DataFlowEnvironment environment) {
    if (settings.has("file") == settings.has("connection")) {
      throw new PlanningException(
          "give either 'file' (the .xlsx path) or 'connection' (a file connection), not "
              + (settings.has("file") ? "both" : "neither"));
    }
    Path path;
    if (settings.has("file")) {
      path = Path.of(settings.string("file"));
    } else {
      String name = settings.string("connection");
      path =
          environment
              .file(name)
              .orElseThrow(
                  () ->
                      new PlanningException("connection '" + name + "' is not a file connection"));
    }
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".xls") || lower.endsWith(".xlsb")) {
      throw new PlanningException(
          "'"
              + path
              + "' is an Excel 97-2003 or binary workbook; only .xlsx (and .xlsm) are read and"
              + " written; hint: save it as .xlsx in Excel");
    }
    String sheet = settings.string("sheet");
    CellRange range = CellRange.WHOLE_SHEET;
    int dollar = sheet.indexOf('$');
    if (dollar >= 0) {
      String rest = sheet.substring(dollar + 1);
      sheet = sheet.substring(0, dollar);
      if (!rest.isEmpty()) {
        range = CellRange.parse(rest);
      }
    }
    if (settings.has("range")) {
      if (range != CellRange.WHOLE_SHEET) {
        throw new PlanningException("give the range once: in 'sheet' (Sheet1$A1:D9) or 'range'");
      }
      range = CellRange.parse(settings.string("range"));
    }
    if (sheet.isBlank()) {
      throw new PlanningException("'sheet' names no sheet; write e.g. Sheet1 or Sheet1$");
    }
    return new ExcelFile(path, sheet, range);
  }
}
