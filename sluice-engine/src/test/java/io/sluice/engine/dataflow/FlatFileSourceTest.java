package io.sluice.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.dataflow.pipeline.ErrorCodes;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlatFileSourceTest {

  @TempDir Path temp;

  private static final String TO_ROWS =
      """
      components:
        - {name: Read, type: FlatFileSource, connection: input}
        - {name: Keep, type: RecordsetDestination, input: Read, variable: Rows}
      """;

  @Test
  void readsQuotedDelimitedRowsWithHeaderTypesAndCodePage() throws Exception {
    Path file =
        Flows.file(
            temp,
            "people.csv",
            "Name,Age,Joined,Balance\r\n"
                + "\"Zoë, Jr.\",41,2024-02-29,12.50\r\n"
                + "\"said \"\"hi\"\"\nthen left\",,2001-01-01,-3\r\n"
                + "Ann,7,2020-05-01,\r\n",
            Charset.forName("windows-1252"));
    var env =
        Flows.environment(temp)
            .flatFile(
                "input",
                file,
                Flows.settings(
                    """
                    headerRow: true
                    codePage: 1252
                    columns:
                      - {name: Name, type: 'DT_WSTR,40'}
                      - {name: Age, type: DT_I4}
                      - {name: Joined, type: DT_DBDATE}
                      - {name: Balance, type: 'DT_NUMERIC,10,2'}
                    """))
            .build();

    Flows.runOk(TO_ROWS, env);

    List<Map<String, Object>> rows = Flows.rows(env, "User::Rows");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0))
        .containsEntry("Name", "Zoë, Jr.")
        .containsEntry("Age", 41)
        .containsEntry("Joined", LocalDate.of(2024, 2, 29))
        .containsEntry("Balance", new BigDecimal("12.50"));
    assertThat(rows.get(1).get("Name")).isEqualTo("said \"hi\"\nthen left");
    assertThat(rows.get(1).get("Age")).as("an empty number is NULL").isNull();
    assertThat(rows.get(1).get("Balance")).isEqualTo(new BigDecimal("-3.00"));
    assertThat(rows.get(2).get("Balance")).isNull();
  }

  @Test
  void takesColumnNamesFromTheHeaderWhenNoneAreDeclared() throws Exception {
    Path file = Flows.file(temp, "h.txt", "a|b\n1|x\n", StandardCharsets.UTF_8);
    var env =
        Flows.environment(temp)
            .flatFile("input", file, Flows.settings("{headerRow: true, delimiter: '|'}"))
            .build();

    Flows.runOk(TO_ROWS, env);

    assertThat(Flows.rows(env, "User::Rows")).containsExactly(Map.of("a", "1", "b", "x"));
  }

  @Test
  void readsFixedWidthLines() throws Exception {
    Path file = Flows.file(temp, "f.txt", "AB  0012\nCDEF7\n", StandardCharsets.US_ASCII);
    var env =
        Flows.environment(temp)
            .flatFile(
                "input",
                file,
                Flows.settings(
                    """
                    format: fixedWidth
                    columns:
                      - {name: Code, width: 4}
                      - {name: Qty, type: DT_I2, width: 4}
                    """))
            .build();

    Flows.runOk(TO_ROWS, env);

    List<Map<String, Object>> rows = Flows.rows(env, "User::Rows");
    assertThat(rows.get(0)).containsEntry("Code", "AB").containsEntry("Qty", (short) 12);
    assertThat(rows.get(1)).containsEntry("Code", "CDEF").containsEntry("Qty", (short) 7);
  }

  @Test
  void failsOnABadValueNamingComponentColumnAndLine() throws Exception {
    Path file = Flows.file(temp, "bad.txt", "1\nx2\n3\n", StandardCharsets.US_ASCII);
    var env =
        Flows.environment(temp)
            .flatFile("input", file, Flows.settings("columns: [{name: N, type: DT_I4}]"))
            .build();

    DataFlowResult result = Flows.run(TO_ROWS, env);

    assertThat(result.outcome()).isEqualTo(DataFlowResult.Outcome.FAILED);
    assertThat(result.failure())
        .contains("package 'Daily'", "task 'Load'", "component 'Read'", "column 'N'", "line 2");
  }

  @Test
  void redirectsBadValuesToTheErrorOutputWithCodeAndColumn() throws Exception {
    Path file = Flows.file(temp, "bad.txt", "1,a\nx2,b\n3,toolong\n", StandardCharsets.US_ASCII);
    var env =
        Flows.environment(temp)
            .flatFile(
                "input",
                file,
                Flows.settings(
                    "columns: [{name: N, type: DT_I4}, {name: S, type: 'DT_STR,3,1252'}]"))
            .build();

    Flows.runOk(
        """
        components:
          - {name: Read, type: FlatFileSource, connection: input, onError: redirect}
          - {name: Good, type: RecordsetDestination, input: Read, variable: Rows}
          - {name: Bad, type: RecordsetDestination, input: {from: Read, output: Error}, variable: Errors}
        """,
        env);

    assertThat(Flows.rows(env, "User::Rows")).containsExactly(Map.of("N", 1, "S", "a"));
    List<Map<String, Object>> errors = Flows.rows(env, "User::Errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0))
        .containsEntry("ErrorCode", ErrorCodes.CONVERSION_FAILED)
        .containsEntry("ErrorColumn", "N")
        .containsEntry("S", "b");
    assertThat(errors.get(1))
        .containsEntry("ErrorCode", ErrorCodes.TRUNCATED)
        .containsEntry("ErrorColumn", "S")
        .containsEntry("N", 3);
  }

  @Test
  void manyRowsKeepTheirOrderErrorsAndLinesAcrossDecodingBatchesAndBuffers() throws Exception {
    // 25,000 rows: three buffers of 10,000 rows, each decoded in batches of records.
    StringBuilder text = new StringBuilder("N|S\r\n");
    for (int i = 1; i <= 25_000; i++) {
      String n = i == 700 || i == 24_000 ? "x" + i : String.valueOf(i);
      text.append(n).append('|').append(i % 3 == 0 ? "\"q|" + i + "\"" : "s" + (i % 7));
      text.append(i == 12_345 ? "" : "|").append("\r\n"); // one short record: E is NULL
    }
    Path file = Flows.file(temp, "many.csv", text.toString(), StandardCharsets.UTF_8);
    var env =
        Flows.environment(temp)
            .flatFile(
                "input",
                file,
                Flows.settings(
                    """
                    delimiter: '|'
                    headerRow: true
                    columns: [{name: N, type: DT_I4}, {name: S, type: 'DT_WSTR,20'}, {name: E, type: 'DT_WSTR,5'}]
                    """))
            .build();

    Flows.runOk(
        """
        components:
          - {name: Read, type: FlatFileSource, connection: input, onError: redirect}
          - {name: Good, type: RecordsetDestination, input: Read, variable: Rows}
          - {name: Bad, type: RecordsetDestination, input: {from: Read, output: Error}, variable: Errors}
        """,
        env);

    List<Map<String, Object>> rows = Flows.rows(env, "User::Rows");
    assertThat(rows).hasSize(24_998);
    assertThat(rows).extracting(r -> r.get("N")).doesNotContain(700, 24_000).contains(1, 25_000);
    assertThat(rows.get(2)).containsEntry("N", 3).containsEntry("S", "q|3");
    // Row 700 went to the error output, so row i is at index i - 2 from there on.
    assertThat(rows.get(12_343)).containsEntry("N", 12_345).containsEntry("E", null);
    assertThat(rows.get(12_344)).containsEntry("N", 12_346).containsEntry("E", "");
    assertThat(Flows.rows(env, "User::Errors"))
        .extracting(r -> r.get("ErrorColumn") + " " + r.get("S"))
        .containsExactly("N s0", "N q|24000");

    text.setLength(0);
    for (int i = 1; i <= 3_000; i++) {
      text.append(i == 2_500 ? "bad" : String.valueOf(i)).append("||\n");
    }
    Files.writeString(file, text); // headerRow stays true: line 1 is taken as the header
    DataFlowResult failed = Flows.run(TO_ROWS, env);
    assertThat(failed.failure()).contains("column 'N'", "(line 2500)");
  }

  @Test
  void ignoredErrorsLeaveNull() throws Exception {
    Path file = Flows.file(temp, "bad.txt", "x\n5\n", StandardCharsets.US_ASCII);
    var env =
        Flows.environment(temp)
            .flatFile("input", file, Flows.settings("columns: [{name: N, type: DT_I8}]"))
            .build();

    Flows.runOk(TO_ROWS.replace("connection: input}", "connection: input, onError: ignore}"), env);

    assertThat(Flows.rows(env, "User::Rows")).extracting(r -> r.get("N")).containsExactly(null, 5L);
  }

  @Test
  void aMissingFileIsFoundBeforeAnyRowMoves() {
    var env =
        Flows.environment(temp)
            .flatFile("input", temp.resolve("nope.csv"), Flows.settings("columns: [{name: a}]"))
            .build();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DataFlowPlanner.plan(Flows.task(TO_ROWS), env))
        .isInstanceOf(DataFlowException.class)
        .hasMessageContaining("packages/Load.yaml:12:5")
        .hasMessageContaining("component 'Read' (FlatFileSource)")
        .hasMessageContaining("nope.csv does not exist");
  }
}
