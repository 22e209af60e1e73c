package io.sluice.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.Problem;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectFormatException;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.testing.RecordedEvents;
import io.sluice.engine.testing.TestRuns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Script Component's generated typed accessors ({@code extends UserComponent}), several and
 * asynchronous outputs, and declared lengths, on the SSIS tutorial's SampleCurrencyData.txt.
 */
class ScriptComponentTypedTest {

  private static final Path RATES =
      Path.of("..", "datasets", "ssis-tutorial", "SampleCurrencyData.txt").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void aTypedTransformationReadsCleanedNamesAndSetsItsColumns() throws Exception {
    Path out = dir.resolve("typed.txt");
    RecordedEvents events =
        run(
            project(
                """
                variables:
                  - {name: Rows, type: Int32, value: 0}
                  - {name: Nulls, type: Int32, value: 0}
                  - {name: Odd, type: Int32, value: 0}
                connections:
                %s
                  - {name: Out, type: flatFile, file: '%s', delimiter: '\\t', columns: [{name: Currency Date}, {name: Spread}, {name: Label}]}
                tasks:
                  - name: Flow
                    type: DataFlow
                    components:
                      - {name: Read, type: FlatFileSource, connection: Rates}
                      - name: Spread
                        type: ScriptComponent
                        input: Read
                        readWriteVariables: [User::Rows]
                        outputColumns: [{name: Spread, type: DT_R8}, {name: Label, type: 'DT_WSTR,20'}]
                        source: |
                          public class ScriptMain extends UserComponent {
                            private int rows;

                            @Override
                            public void input0ProcessInputRow(Input0Buffer row) {
                              if (row.isEndOfDayRateNull()) {
                                row.setSpreadNull();
                              } else {
                                row.setSpread(row.getEndOfDayRate() - row.getAverageRate());
                              }
                              row.setLabel(row.getCurrencyID() + " " + row.getCurrencyDate().getYear());
                              rows++;
                            }

                            @Override
                            public void postExecute() {
                              variables().set("User::Rows", rows);
                            }
                          }
                      - {name: Write, type: FlatFileDestination, input: Spread, connection: Out, overwrite: true}
                %s
                """
                    .formatted(RATES_CONNECTION, out, SHOW)));

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(events.messages(MessageType.INFORMATION)).contains("Rows=1097 Nulls=0 Odd=0");
    List<String> lines = Files.readAllLines(out);
    List<String> rates = Files.readAllLines(RATES).stream().filter(l -> !l.isBlank()).toList();
    assertThat(lines).hasSize(1097);
    String[] first = rates.get(0).split("\t");
    double spread = Double.parseDouble(first[3]) - Double.parseDouble(first[0]);
    assertThat(Double.parseDouble(lines.get(0).split("\t")[1])).isEqualTo(spread);
    assertThat(lines).allSatisfy(l -> assertThat(l).matches(".*\tUSD 200[5-8]"));
    assertThat(lines.get(0)).endsWith("\tUSD 2005");
  }

  @Test
  void aTypedSourceWritesNullsAndTwoOutputsAndATypedDestinationReadsThem() {
    RecordedEvents events =
        run(
            project(
                """
                variables:
                  - {name: Rows, type: Int32, value: 0}
                  - {name: Nulls, type: Int32, value: 0}
                  - {name: Odd, type: Int32, value: 0}
                tasks:
                  - name: Flow
                    type: DataFlow
                    components:
                      - name: Make
                        type: ScriptComponent
                        outputColumns: [{name: N, type: DT_I4}, {name: Label, type: 'DT_WSTR,20'}]
                        outputs: [{name: Odd Rows, columns: [{name: N, type: DT_I8}]}]
                        source: |
                          public class ScriptMain extends UserComponent {
                            @Override
                            public void createNewOutputRows() throws Exception {
                              for (int i = 1; i <= 6; i++) {
                                output0Buffer.addRow();
                                output0Buffer.setN(i);
                                if (i %% 3 == 0) {
                                  output0Buffer.setLabelNull();
                                } else {
                                  output0Buffer.setLabel("row " + i);
                                }
                                if (i %% 2 == 1) {
                                  oddRowsBuffer.addRow();
                                  oddRowsBuffer.setN(i); // an int into a DT_I8 column
                                }
                              }
                              output0Buffer.setEndOfRowset();
                            }
                          }
                      - name: Sum
                        type: ScriptComponent
                        role: destination
                        input: Make
                        readWriteVariables: [User::Rows, User::Nulls]
                        source: |
                          public class ScriptMain extends UserComponent {
                            private int sum;
                            private int nulls;

                            @Override
                            public void input0ProcessInputRow(Input0Buffer row) {
                              sum += row.getN();
                              if (row.isLabelNull()) {
                                nulls++;
                              } else if (!row.getLabel().equals("row " + row.getN())) {
                                throw new IllegalStateException(row.getLabel());
                              }
                            }

                            @Override
                            public void postExecute() {
                              variables().set("User::Rows", sum);
                              variables().set("User::Nulls", nulls);
                            }
                          }
                      - {name: Count odd, type: RowCount, input: {from: Make, output: Odd Rows}, variable: User::Odd}
                %s
                """
                    .formatted(SHOW)));

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(events.messages(MessageType.INFORMATION)).contains("Rows=21 Nulls=2 Odd=3");
  }

  @Test
  void directRowToSendsEachRowToTheSynchronousOutputsItChose() throws Exception {
    long above = countRatesAbove(1.0);
    RecordedEvents events =
        run(
            project(
                """
                variables:
                  - {name: Rows, type: Int32, value: 0}
                  - {name: Nulls, type: Int32, value: 0}
                  - {name: Odd, type: Int32, value: 0}
                connections:
                %s
                tasks:
                  - name: Flow
                    type: DataFlow
                    components:
                      - {name: Read, type: FlatFileSource, connection: Rates}
                      - name: Split
                        type: ScriptComponent
                        input: Read
                        outputColumns: [{name: Band, type: 'DT_WSTR,10'}]
                        outputs: [{name: High, synchronous: true}, {name: All, synchronous: true}]
                        source: |
                          public class ScriptMain extends UserComponent {
                            @Override
                            public void input0ProcessInputRow(Input0Buffer row) {
                              if (row.getAverageRate() > 1.0) {
                                row.setBand("high");
                                row.directRowToHigh();
                              } else {
                                row.setBand("low");
                                row.directRowToOutput0();
                              }
                              row.directRowToAll();
                            }
                          }
                      - {name: Count low, type: RowCount, input: Split, variable: User::Rows}
                      - name: Check high
                        type: ConditionalSplit
                        input: {from: Split, output: High}
                        conditions: [{output: Wrong, expression: 'Band != "high"'}]
                      - {name: Count wrong, type: RowCount, input: {from: Check high, output: Wrong}, variable: User::Odd}
                      - {name: Count high, type: RowCount, input: {from: Check high, output: Default}, variable: User::Nulls}
                      - {name: Drop all, type: DiscardDestination, input: {from: Split, output: All}}
                %s
                """
                    .formatted(RATES_CONNECTION, SHOW)));

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(above).isBetween(1L, 1096L);
    assertThat(events.messages(MessageType.INFORMATION))
        .contains("Rows=" + (1097 - above) + " Nulls=" + above + " Odd=0");
  }

  @Test
  void aRedirectedRowGoesToErrorOnlyEvenWhenItWasDirectedBeforeItFailed() throws Exception {
    long above = countRatesAbove(1.0);
    RecordedEvents events =
        run(
            project(
                """
                variables:
                  - {name: Rows, type: Int32, value: 0}
                  - {name: Nulls, type: Int32, value: 0}
                  - {name: Odd, type: Int32, value: 0}
                connections:
                %s
                tasks:
                  - name: Flow
                    type: DataFlow
                    components:
                      - {name: Read, type: FlatFileSource, connection: Rates}
                      - name: Split
                        type: ScriptComponent
                        input: Read
                        onError: redirect
                        outputs: [{name: Checked, synchronous: true}]
                        source: |
                          public class ScriptMain extends UserComponent {
                            @Override
                            public void input0ProcessInputRow(Input0Buffer row) {
                              row.directRowToOutput0();
                              row.directRowToChecked();
                              if (row.getAverageRate() > 1.0) {
                                throw new IllegalStateException("above parity");
                              }
                            }
                          }
                      - {name: Count output, type: RowCount, input: Split, variable: User::Rows}
                      - {name: Count checked, type: RowCount, input: {from: Split, output: Checked}, variable: User::Odd}
                      - {name: Count errors, type: RowCount, input: {from: Split, output: Error}, variable: User::Nulls}
                %s
                """
                    .formatted(RATES_CONNECTION, SHOW)));

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    long below = 1097 - above;
    assertThat(events.messages(MessageType.INFORMATION))
        .contains("Rows=" + below + " Nulls=" + above + " Odd=" + below);
  }

  @Test
  void anAsynchronousOutputEmitsAggregateRowsAtTheEndOfTheInput() throws Exception {
    Path out = dir.resolve("totals.txt");
    RecordedEvents events =
        run(
            project(
                """
                variables:
                  - {name: Rows, type: Int32, value: 0}
                  - {name: Nulls, type: Int32, value: 0}
                  - {name: Odd, type: Int32, value: 0}
                connections:
                %s
                  - {name: Totals, type: flatFile, file: '%s', delimiter: '\\t', columns: [{name: Year}, {name: Days}, {name: MaxRate}]}
                tasks:
                  - name: Flow
                    type: DataFlow
                    components:
                      - {name: Read, type: FlatFileSource, connection: Rates}
                      - name: Per year
                        type: ScriptComponent
                        input: Read
                        outputs:
                          - name: Totals
                            columns: [{name: Year, type: DT_I4}, {name: Days, type: DT_I4}, {name: MaxRate, type: DT_R8}]
                        source: |
                          import java.util.*;

                          public class ScriptMain extends UserComponent {
                            private final SortedMap<Integer, double[]> years = new TreeMap<>();

                            @Override
                            public void input0ProcessInputRow(Input0Buffer row) {
                              double[] t = years.computeIfAbsent(row.getCurrencyDate().getYear(), y -> new double[2]);
                              t[0]++;
                              t[1] = Math.max(t[1], row.getAverageRate());
                            }

                            @Override
                            public void endOfInput() throws Exception {
                              for (Map.Entry<Integer, double[]> e : years.entrySet()) {
                                totalsBuffer.addRow();
                                totalsBuffer.setYear(e.getKey());
                                totalsBuffer.setDays((int) e.getValue()[0]);
                                totalsBuffer.setMaxRate(e.getValue()[1]);
                              }
                            }
                          }
                      - {name: Count rows, type: RowCount, input: Per year, variable: User::Rows}
                      - {name: Write totals, type: FlatFileDestination, input: {from: Per year, output: Totals}, connection: Totals, overwrite: true}
                %s
                """
                    .formatted(RATES_CONNECTION, out, SHOW)));

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(events.messages(MessageType.INFORMATION)).contains("Rows=1097 Nulls=0 Odd=0");
    // the same per year from the file: the dates are M/d/yy
    java.util.SortedMap<Integer, double[]> years = new java.util.TreeMap<>();
    for (String l : Files.readAllLines(RATES)) {
      if (!l.isBlank()) {
        String[] f = l.split("\t");
        int year = 2000 + Integer.parseInt(f[2].split(" ")[0].split("/")[2]);
        double[] t = years.computeIfAbsent(year, y -> new double[2]);
        t[0]++;
        t[1] = Math.max(t[1], Double.parseDouble(f[0]));
      }
    }
    List<String> totals = Files.readAllLines(out);
    assertThat(totals).hasSize(years.size()).hasSizeGreaterThan(1);
    int i = 0;
    for (var e : years.entrySet()) {
      String[] line = totals.get(i++).split("\t");
      assertThat(Integer.parseInt(line[0])).isEqualTo(e.getKey());
      assertThat(Integer.parseInt(line[1])).isEqualTo((int) e.getValue()[0]);
      assertThat(Double.parseDouble(line[2])).isEqualTo(e.getValue()[1]);
    }
  }

  @Test
  void aValueLongerThanItsColumnIsATruncationRedirectedToTheErrorOutput() throws Exception {
    long above = countRatesAbove(1.0);
    RecordedEvents events =
        run(
            project(
                """
                variables:
                  - {name: Rows, type: Int32, value: 0}
                  - {name: Nulls, type: Int32, value: 0}
                  - {name: Odd, type: Int32, value: 0}
                connections:
                %s
                tasks:
                  - name: Flow
                    type: DataFlow
                    components:
                      - {name: Read, type: FlatFileSource, connection: Rates}
                      - name: Label
                        type: ScriptComponent
                        input: Read
                        onError: redirect
                        outputColumns: [{name: Label, type: 'DT_WSTR,5'}]
                        source: |
                          public class ScriptMain extends UserComponent {
                            @Override
                            public void input0ProcessInputRow(Input0Buffer row) {
                              row.setLabel(row.getAverageRate() > 1.0 ? "above parity" : "below");
                            }
                          }
                      - {name: Count good, type: RowCount, input: Label, variable: User::Rows}
                      - name: Errors
                        type: ScriptComponent
                        role: destination
                        input: {from: Label, output: Error}
                        readWriteVariables: [User::Nulls, User::Odd]
                        source: |
                          public class ScriptMain extends UserComponent {
                            private int truncated;
                            private int other;

                            @Override
                            public void input0ProcessInputRow(Input0Buffer row) {
                              if (row.getErrorCode() == 0xC020902A && row.getErrorColumn().equals("Label")) {
                                truncated++;
                              } else {
                                other++;
                              }
                            }

                            @Override
                            public void postExecute() {
                              variables().set("User::Nulls", truncated);
                              variables().set("User::Odd", other);
                            }
                          }
                %s
                """
                    .formatted(RATES_CONNECTION, SHOW)));

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(events.messages(MessageType.INFORMATION))
        .contains("Rows=" + (1097 - above) + " Nulls=" + above + " Odd=0");
  }

  @Test
  void aTooLongValueInASourceFailsTheFlowNamingColumnAndLengths() {
    RecordedEvents events =
        run(
            project(
                """
                tasks:
                  - name: Flow
                    type: DataFlow
                    components:
                      - name: Make
                        type: ScriptComponent
                        outputColumns: [{name: Code, type: 'DT_STR,3,1252'}]
                        source: |
                          public class ScriptMain extends UserComponent {
                            @Override
                            public void createNewOutputRows() throws Exception {
                              output0Buffer.addRow();
                              output0Buffer.setCode("EURO");
                            }
                          }
                      - {name: Drop, type: DiscardDestination, input: Make}
                """));

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.messages(MessageType.ERROR))
        .as(events.all())
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("column 'Code'")
                    .contains("at most 3 characters")
                    .contains("4 characters")
                    .contains("ScriptMain.java:5"));
  }

  @Test
  void aCompileErrorInATypedScriptIsAtTheUsersLineAndAnUnknownInputAccessorWaitsForTheRun() {
    Map<String, byte[]> files =
        project(
            """
            tasks:
              - name: Flow
                type: DataFlow
                components:
                  - {name: Make, type: ScriptComponent, outputColumns: [{name: N, type: DT_I4}], source: "public class ScriptMain extends UserComponent {}"}
                  - name: Use
                    type: ScriptComponent
                    input: Make
                    outputColumns: [{name: Twice, type: DT_I4}]
                    source: |
                      public class ScriptMain extends UserComponent {
                        @Override
                        public void input0ProcessInputRow(Input0Buffer row) {
                          row.setTwice(row.getN() * 2);
                          String s = row.getTwice();
                        }
                      }
                  - {name: Drop, type: DiscardDestination, input: Use}
            """);

    // packages/main.yaml: two lines of parameters; the source starts on line 13, in column 11;
    // row.getN() is the input's, not known at validation
    assertThat(problems(files))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .startsWith("packages/main.yaml:17:26: the script does not compile:")
                    .contains("Type mismatch: cannot convert from Integer to String"));
  }

  @Test
  void namesThatCollideAfterCleaningAreReportedWhereTheScriptIs() {
    Map<String, byte[]> files =
        project(
            """
            tasks:
              - name: Flow
                type: DataFlow
                components:
                  - name: Make
                    type: ScriptComponent
                    outputColumns: [{name: Order Date, type: DT_DBDATE}, {name: order_date, type: DT_DBDATE}, {name: OrderDate, type: DT_DBDATE}]
                    source: |
                      public class ScriptMain extends UserComponent {}
                  - {name: Drop, type: DiscardDestination, input: Make}
            """);

    assertThat(problems(files))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .startsWith("packages/main.yaml:11:11:")
                    .contains("columns 'Order Date' and 'OrderDate' of Input0Buffer both make")
                    .contains("getOrderDate()"));
  }

  @Test
  void aTypoInAnInputAccessorFailsTheRunBeforeAnyRowNamingTheLine() {
    RecordedEvents events =
        run(
            project(
                """
                connections:
                %s
                tasks:
                  - name: Flow
                    type: DataFlow
                    components:
                      - {name: Read, type: FlatFileSource, connection: Rates}
                      - name: Use
                        type: ScriptComponent
                        input: Read
                        source: |
                          public class ScriptMain extends UserComponent {
                            @Override
                            public void input0ProcessInputRow(Input0Buffer row) {
                              double d = row.getAverageRates();
                            }
                          }
                      - {name: Drop, type: DiscardDestination, input: Use}
                """
                    .formatted(RATES_CONNECTION)));

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.messages(MessageType.ERROR))
        .as(events.all())
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("ScriptMain.java:4:")
                    .contains("getAverageRates() is undefined for the type Input0Buffer"));
  }

  @Test
  void inputColumnsThatCollideAfterCleaningFailTheRunNamingBoth() {
    RecordedEvents events =
        run(
            project(
                """
                connections:
                %s
                tasks:
                  - name: Flow
                    type: DataFlow
                    components:
                      - {name: Read, type: FlatFileSource, connection: Rates}
                      - name: Use
                        type: ScriptComponent
                        input: Read
                        source: |
                          public class ScriptMain extends UserComponent {}
                      - {name: Drop, type: DiscardDestination, input: Use}
                """
                    .formatted(RATES_CONNECTION.replace("EndOfDayRate", "Currency-Date"))));

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.messages(MessageType.ERROR))
        .as(events.all())
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("typed accessors cannot be made")
                    .contains("columns 'Currency Date' and 'Currency-Date' of Input0Buffer")
                    .contains("getCurrencyDate()"));
  }

  @Test
  void validatingATypedScriptCompilesItWithItsBuffersButNeverLoadsThem() {
    Path marker = dir.resolve("static-initialiser-ran");
    Map<String, byte[]> files =
        project(
            """
            tasks:
              - name: Flow
                type: DataFlow
                components:
                  - name: Make
                    type: ScriptComponent
                    outputColumns: [{name: N, type: DT_I4}]
                    source: |
                      public class ScriptMain extends UserComponent {
                        static {
                          try {
                            java.nio.file.Files.writeString(java.nio.file.Path.of("MARKER"), "ran");
                          } catch (java.io.IOException e) {
                            throw new RuntimeException(e);
                          }
                        }

                        @Override
                        public void createNewOutputRows() throws Exception {
                          output0Buffer.addRow();
                          output0Buffer.setN(7);
                        }
                      }
                  - {name: Drop, type: DiscardDestination, input: Make}
            """
                .replace("MARKER", marker.toString()));
    int before = CheckedScripts.compilations();

    ProjectParser.parse(ProjectFiles.of(files));

    assertThat(CheckedScripts.compilations()).as("compiled at validation").isEqualTo(before + 1);
    assertThat(marker).doesNotExist();
    RecordedEvents events = run(files);
    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(marker).exists();
  }

  @Test
  void aTypedScriptFileInAPackageGetsItsBuffersInThatPackage() {
    Map<String, byte[]> files =
        project(
            """
            variables:
              - {name: Rows, type: Int32, value: 0}
              - {name: Nulls, type: Int32, value: 0}
              - {name: Odd, type: Int32, value: 0}
            tasks:
              - name: Flow
                type: DataFlow
                components:
                  - name: Make
                    type: ScriptComponent
                    file: scripts/Make/ScriptMain.java
                    outputColumns: [{name: N, type: DT_I4}]
                  - {name: Count, type: RowCount, input: Make, variable: User::Rows}
            %s
            """
                .formatted(SHOW));
    files.put(
        "scripts/Make/ScriptMain.java",
        bytes(
            """
            package com.example.make;

            public class ScriptMain extends UserComponent {
              @Override
              public void createNewOutputRows() throws Exception {
                for (int i = 0; i < 4; i++) {
                  output0Buffer.addRow();
                  output0Buffer.setN(i);
                }
              }
            }
            """));

    RecordedEvents events = run(files);

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(events.messages(MessageType.INFORMATION)).contains("Rows=4 Nulls=0 Odd=0");
  }

  // ---------------------------------------------------------------------------------------------

  private static final String RATES_CONNECTION =
      """
        - name: Rates
          type: flatFile
          file: '%s'
          delimiter: '\\t'
          columns:
            - {name: AverageRate, type: DT_R8}
            - {name: CurrencyID, type: 'DT_WSTR,3'}
            - {name: Currency Date, type: DT_DBTIMESTAMP}
            - {name: EndOfDayRate, type: DT_R8}
      """
          .formatted(RATES);

  /** A Script task after the flow that reports User::Rows, Nulls and Odd. */
  private static final String SHOW =
      """
        - name: Show
          type: Script
          after: [Flow]
          readOnlyVariables: [User::Rows, User::Nulls, User::Odd]
          source: |
            import io.sluice.api.script.*;
            public class ScriptMain implements Script {
              public void main(Dts dts) {
                var v = dts.variables();
                dts.events().fireInformation(0, "", "Rows=" + v.get("User::Rows")
                    + " Nulls=" + v.get("User::Nulls") + " Odd=" + v.get("User::Odd"));
              }
            }
      """;

  private static long countRatesAbove(double limit) throws Exception {
    return Files.readAllLines(RATES).stream()
        .filter(l -> !l.isBlank())
        .filter(l -> Double.parseDouble(l.split("\t")[0]) > limit)
        .count();
  }

  static Map<String, byte[]> project(String mainPackage) {
    Map<String, byte[]> files = new HashMap<>();
    files.put("project.yaml", bytes("name: typed\n"));
    files.put(
        "packages/main.yaml",
        bytes("parameters:\n  - {name: Region, type: String, default: emea}\n" + mainPackage));
    return files;
  }

  private RecordedEvents run(Map<String, byte[]> files) {
    return TestRuns.run(
        ProjectFiles.of(files),
        dir.resolve("jars"),
        "main",
        new ParameterValues(Map.of(), Map.of()));
  }

  static List<String> problems(Map<String, byte[]> files) {
    try {
      ProjectParser.parse(ProjectFiles.of(files));
    } catch (ProjectFormatException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("the project was accepted");
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
