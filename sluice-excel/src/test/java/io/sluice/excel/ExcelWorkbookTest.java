package io.sluice.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ExcelSource on a workbook saved as Excel saves one (shared strings table, styles, booleans, error
 * cells, a blank header cell), written with POI's full XSSF API rather than by our destination.
 */
class ExcelWorkbookTest {

  @TempDir Path temp;

  private Path workbook() throws Exception {
    Path file = temp.resolve("saved.xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      book.createSheet("Notes");
      XSSFSheet sheet = book.createSheet("Data");
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("d/m/yyyy"));
      Row header = sheet.createRow(2); // the data starts on the third row, in column B
      header.createCell(1).setCellValue("Mixed");
      header.createCell(2).setCellValue("Flag");
      header.createCell(3).setCellValue("When");
      header.createCell(4).setCellValue("Ratio");
      header.createCell(6).setCellValue("Long");
      String longText = "x".repeat(300);
      for (int i = 0; i < 4; i++) {
        Row row = sheet.createRow(3 + i);
        if (i % 2 == 0) {
          row.createCell(1).setCellValue(i);
        } else {
          row.createCell(1).setCellValue("text " + i);
        }
        row.createCell(2).setCellValue(i % 2 == 0);
        row.createCell(3).setCellValue(LocalDateTime.of(2005, 1, 1 + i, 0, 0));
        row.getCell(3).setCellStyle(date);
        if (i == 2) {
          row.createCell(4).setCellErrorValue(FormulaError.DIV0.getCode());
        } else {
          row.createCell(4).setCellValue(i / 4.0);
        }
        row.createCell(5).setCellValue("no name " + i);
        row.createCell(6).setCellValue(i == 0 ? longText : "short");
      }
      book.write(out);
    }
    return file;
  }

  @Test
  void typesAreGuessedAsSsisGuessesThemAndAnErrorCellIsARowError() throws Exception {
    Path file = workbook();
    var env = ExcelFlows.environment(temp).build();

    ExcelFlows.runOk(
        """
        components:
          - {name: Read, type: ExcelSource, file: '%s', sheet: Data, onError: redirect}
          - {name: Keep, type: RecordsetDestination, input: Read, variable: User::Rows}
          - {name: Errors, type: RecordsetDestination, input: {from: Read, output: Error}, variable: User::Other}
        """
            .formatted(file),
        env);

    List<Map<String, Object>> rows = ExcelFlows.rows(env, "User::Rows");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).keySet())
        .containsExactly("Mixed", "Flag", "When", "Ratio", "F5", "Long");
    assertThat(rows.get(0))
        .containsEntry("Mixed", "0")
        .containsEntry("Flag", true)
        .containsEntry("When", LocalDateTime.of(2005, 1, 1, 0, 0))
        .containsEntry("Ratio", 0.0)
        .containsEntry("F5", "no name 0")
        .containsEntry("Long", "x".repeat(300));
    assertThat(rows.get(1)).containsEntry("Mixed", "text 1").containsEntry("Flag", false);
    List<Map<String, Object>> errors = ExcelFlows.rows(env, "User::Other");
    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e).containsEntry("ErrorColumn", "Ratio").containsEntry("Mixed", "2");
            });
  }
}
