package io.sluice.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.dataflow.DataFlowResult;
import io.sluice.engine.dataflow.SimpleDataFlowEnvironment;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ExcelDestination then ExcelSource on the SSIS tutorial's files. */
class ExcelTest {

  @TempDir Path temp;

  private static final String RATES =
      "{delimiter: '\\t', headerRow: false, columns: [{name: AverageRate, type: DT_R8},"
          + " {name: CurrencyID, type: 'DT_WSTR,3'}, {name: CurrencyDate, type: DT_DBTIMESTAMP},"
          + " {name: EndOfDayRate, type: 'DT_NUMERIC,18,9'}]}";

  private static final String WRITE_RATES =
      """
      components:
        - {name: Read, type: FlatFileSource, connection: rates}
        - {name: Write, type: ExcelDestination, input: Read, file: '%s', sheet: '%s'}
      """;

  private SimpleDataFlowEnvironment.Builder env() {
    return ExcelFlows.environment(temp)
        .flatFile(
            "rates",
            ExcelFlows.DATASETS.resolve("SampleCurrencyData.txt"),
            ExcelFlows.settings(RATES));
  }

  private static String read(Path file, String sheetAndMore) {
    return """
        components:
          - {name: Read sheet, type: ExcelSource, file: '%s', sheet: %s}
          - {name: Keep, type: RecordsetDestination, input: Read sheet, variable: User::Rows}
        """
        .formatted(file, sheetAndMore);
  }

  @Test
  void theTutorialsRatesGoToXlsxAndComeBackWithGuessedTypes() throws Exception {
    Path xlsx = temp.resolve("rates.xlsx");
    var env = env().build();

    ExcelFlows.runOk(WRITE_RATES.formatted(xlsx, "Rates"), env);
    ExcelFlows.runOk(read(xlsx, "'Rates$'"), env);
    ExcelFlows.runOk(
        """
        components:
          - {name: Read, type: FlatFileSource, connection: rates}
          - {name: Keep, type: RecordsetDestination, input: Read, variable: User::Other}
        """,
        env);

    List<Map<String, Object>> fromExcel = ExcelFlows.rows(env, "User::Rows");
    List<Map<String, Object>> fromText = ExcelFlows.rows(env, "User::Other");
    assertThat(fromExcel).hasSize(1097).hasSameSizeAs(fromText);
    for (int i = 0; i < fromText.size(); i++) {
      Map<String, Object> x = fromExcel.get(i);
      Map<String, Object> t = fromText.get(i);
      assertThat(x.keySet()).containsExactlyElementsOf(t.keySet());
      assertThat(x.get("AverageRate")).isEqualTo(t.get("AverageRate"));
      assertThat(x.get("CurrencyID")).isEqualTo(t.get("CurrencyID"));
      assertThat(x.get("CurrencyDate")).isEqualTo(t.get("CurrencyDate"));
      assertThat(x.get("EndOfDayRate"))
          .as("a numeric is a double in Excel")
          .isEqualTo(((BigDecimal) t.get("EndOfDayRate")).doubleValue());
    }
    assertThat(fromExcel.get(0).get("CurrencyDate")).isEqualTo(LocalDateTime.of(2005, 1, 1, 0, 0));
  }

  @Test
  void aRangeWithoutColumnNamesReadsTheDimDateFileByPosition() throws Exception {
    Path xlsx = temp.resolve("dates.xlsx");
    var env =
        ExcelFlows.environment(temp)
            .flatFile(
                "dates",
                ExcelFlows.DATASETS.resolve("DimDate.csv"),
                ExcelFlows.settings(
                    "{delimiter: '|', headerRow: false, codePage: 65001, columns: [{name: DateKey,"
                        + " type: DT_I4}, {name: FullDate, type: DT_DBDATE}, {name: DayNumberOfWeek,"
                        + " type: DT_UI1}, {name: EnglishDayName, type: 'DT_WSTR,10'},"
                        + " {name: SpanishDayName, type: 'DT_WSTR,10'}"
                        + ", {name: C6}"
                        + rest()
                        + "]}"))
            .build();
    ExcelFlows.runOk(
        """
        components:
          - {name: Read, type: FlatFileSource, connection: dates}
          - {name: Write, type: ExcelDestination, input: Read, file: '%s', sheet: Dates, firstRowHasColumnNames: false}
        """
            .formatted(xlsx),
        env);

    ExcelFlows.runOk(read(xlsx, "Dates, range: 'B2:E3', firstRowHasColumnNames: false"), env);

    List<Map<String, Object>> rows = ExcelFlows.rows(env, "User::Rows");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .containsExactly(
            Map.entry("F1", LocalDateTime.of(2005, 1, 2, 0, 0)),
            Map.entry("F2", 1.0),
            Map.entry("F3", "Sunday"),
            Map.entry("F4", "Domingo"));
  }

  /** DimDate.csv's other 13 columns, read as text. */
  private static String rest() {
    StringBuilder b = new StringBuilder();
    for (int c = 7; c <= 19; c++) {
      b.append(", {name: C").append(c).append('}');
    }
    return b.toString();
  }

  @Test
  void declaredTypesConvertAndACellThatDoesNotGoesToTheErrorOutput() throws Exception {
    Path codes =
        Files.writeString(temp.resolve("codes.txt"), "Code,Name\n1,one\nn/a,two\n3,three\n");
    Path xlsx = temp.resolve("codes.xlsx");
    var env =
        ExcelFlows.environment(temp)
            .flatFile("codes", codes, ExcelFlows.settings("{headerRow: true}"))
            .build();
    ExcelFlows.runOk(
        """
        components:
          - {name: Read, type: FlatFileSource, connection: codes}
          - {name: Write, type: ExcelDestination, input: Read, file: '%s', sheet: Codes}
        """
            .formatted(xlsx),
        env);

    ExcelFlows.runOk(
        """
        components:
          - name: Read sheet
            type: ExcelSource
            file: '%s'
            sheet: Codes
            columns: [{name: Code, type: DT_I4}, {name: Name, type: 'DT_WSTR,5'}]
            onError: redirect
          - {name: Keep, type: RecordsetDestination, input: Read sheet, variable: User::Rows}
          - {name: Errors, type: RecordsetDestination, input: {from: Read sheet, output: Error}, variable: User::Other}
        """
            .formatted(xlsx),
        env);

    assertThat(ExcelFlows.rows(env, "User::Rows"))
        .containsExactly(Map.of("Code", 1, "Name", "one"), Map.of("Code", 3, "Name", "three"));
    List<Map<String, Object>> errors = ExcelFlows.rows(env, "User::Other");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).containsEntry("ErrorColumn", "Code").containsEntry("Name", "two");
    assertThat(errors.get(0).get("ErrorCode")).isEqualTo(0xC020907F);

    DataFlowResult failing =
        ExcelFlows.run(
            "components: [{name: Read sheet, type: ExcelSource, file: '%s', sheet: Codes, columns: [{name: Code, type: DT_I4}]}]"
                .formatted(xlsx),
            env);
    assertThat(failing.failure())
        .contains("component 'Read sheet' failed: column 'Code'")
        .contains("cell A3 of sheet 'Codes'");
  }

  @Test
  void theDestinationAppendsToItsSheetAndAddsOthersBesideIt() throws Exception {
    Path xlsx = temp.resolve("rates.xlsx");
    var env = env().build();

    ExcelFlows.runOk(WRITE_RATES.formatted(xlsx, "Rates"), env);
    ExcelFlows.runOk(WRITE_RATES.formatted(xlsx, "Rates"), env);
    ExcelFlows.runOk(WRITE_RATES.formatted(xlsx, "Copy"), env);

    ExcelFlows.runOk(read(xlsx, "rates"), env);
    assertThat(ExcelFlows.rows(env, "User::Rows")).hasSize(2 * 1097);
    ExcelFlows.runOk(read(xlsx, "Copy"), env);
    assertThat(ExcelFlows.rows(env, "User::Rows")).hasSize(1097);
    try (XSSFWorkbook workbook = new XSSFWorkbook(xlsx.toFile())) {
      assertThat(workbook.getSheet("Rates").getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("AverageRate");
      assertThat(workbook.getSheet("Rates").getLastRowNum()).isEqualTo(2 * 1097);
    }
  }

  @Test
  void aMissingSheetNamesTheSheetsThereAre() throws Exception {
    Path xlsx = temp.resolve("rates.xlsx");
    var env = env().build();
    ExcelFlows.runOk(WRITE_RATES.formatted(xlsx, "Rates"), env);
    ExcelFlows.runOk(WRITE_RATES.formatted(xlsx, "Copy"), env);

    assertThatThrownBy(() -> ExcelFlows.run(read(xlsx, "Sheet1$"), env))
        .hasMessageContaining("component 'Read sheet' (ExcelSource)")
        .hasMessageContaining("'" + xlsx + "' has no sheet 'Sheet1'; its sheets are Rates, Copy")
        .hasMessageEndingWith("hint: write one of them in 'sheet' (Rates or Rates$)");
  }

  @Test
  void aFileThatIsNoXlsxIsRefusedNamingIt() throws Exception {
    Path text = ExcelFlows.DATASETS.resolve("SampleCurrencyData.txt");
    var env = env().build();
    assertThatThrownBy(() -> ExcelFlows.run(read(text, "Sheet1"), env))
        .hasMessageContaining("'" + text + "' is not an .xlsx workbook");

    assertThatThrownBy(() -> ExcelFlows.run(read(temp.resolve("old.xls"), "Sheet1"), env))
        .hasMessageContaining("is an Excel 97-2003 or binary workbook; only .xlsx");

    Path none = temp.resolve("none.xlsx");
    assertThatThrownBy(() -> ExcelFlows.run(read(none, "Sheet1"), env))
        .hasMessageContaining("Excel file '" + none + "' does not exist");
  }
}
