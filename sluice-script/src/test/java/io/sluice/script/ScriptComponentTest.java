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
 * The Script Component in a data flow, on the SSIS tutorial's SampleCurrencyData.txt: each role,
 * row errors, variables, validation and masking, as a package runs it.
 */
class ScriptComponentTest {

  private static final Path RATES =
      Path.of("..", "datasets", "ssis-tutorial", "SampleCurrencyData.txt").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void aTransformationComputesWhatADerivedColumnDoesAndWritesItsVariableInPostExecute()
      throws Exception {
    Path byScript = dir.resolve("script.txt");
    Path byDerived = dir.resolve("derived.txt");
    RecordedEvents events =
        run(
            project(
                """
                variables:
                  - {name: Rows, type: Int32, value: 0}
                connections:
                %s
                  - {name: Script out, type: flatFile, file: '%s', delimiter: '\\t', columns: [{name: CurrencyID}, {name: Spread}]}
                  - {name: Derived out, type: flatFile, file: '%s', delimiter: '\\t', columns: [{name: CurrencyID}, {name: Spread}]}
                tasks:
                  - name: Flow
                    type: DataFlow
                    components:
                      - {name: Read 1, type: FlatFileSource, connection: Rates}
                      - name: Spread by script
                        type: ScriptComponent
                        input: Read 1
                        readWriteVariables: [User::Rows]
                        outputColumns: [{name: Spread, type: DT_R8}]
                        source: |
                          import io.sluice.api.script.*;

                          public class ScriptMain extends ScriptComponent {
                            private int rows;

                            @Override
                            public void processInputRow(ScriptRow row) {
                              if (row.isNull("EndOfDayRate") || row.isNull("AverageRate")) {
                                row.setNull("Spread");
                              } else {
                                row.set("Spread", row.getDouble("EndOfDayRate") - row.getDouble("averagerate"));
                              }
                              rows++;
                            }

                            @Override
                            public void postExecute() {
                              variables().set("User::Rows", rows);
                            }
                          }
                      - {name: Write 1, type: FlatFileDestination, input: Spread by script, connection: Script out, overwrite: true}
                      - {name: Read 2, type: FlatFileSource, connection: Rates}
                      - name: Spread by expression
                        type: DerivedColumn
                        input: Read 2
                        columns: [{name: Spread, expression: 'EndOfDayRate - AverageRate'}]
                      - {name: Write 2, type: FlatFileDestination, input: Spread by expression, connection: Derived out, overwrite: true}
                %s
                """
                    .formatted(RATES_CONNECTION, byScript, byDerived, SHOW_ROWS)));

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(events.messages(MessageType.INFORMATION)).contains("rows=1097");
    List<String> script = Files.readAllLines(byScript);
    assertThat(script).hasSize(1097).allSatisfy(l -> assertThat(l).startsWith("USD\t"));
    assertThat(script).isEqualTo(Files.readAllLines(byDerived));
  }

  @Test
  void aSourceAddsRowsAndADestinationSeesThem() {
    RecordedEvents events =
        run(
            project(
                """
                variables:
                  - {name: Rows, type: Int32, value: 0}
                tasks:
                  - name: Flow
                    type: DataFlow
                    components:
                      - name: Make
                        type: ScriptComponent
                        outputColumns: [{name: N, type: DT_I4}, {name: Label, type: 'DT_WSTR,20'}]
                        source: |
                          import io.sluice.api.script.*;
                          public class ScriptMain extends ScriptComponent {
                            @Override
                            public void createNewOutputRows() throws Exception {
                              for (int i = 1; i <= 5; i++) {
                                output0Buffer().addRow();
                                output0Buffer().setInt("N", i);
                                output0Buffer().setString("Label", "row " + i);
                              }
                            }
                          }
                      - name: Sum
                        type: ScriptComponent
                        role: destination
                        input: Make
                        readWriteVariables: [User::Rows]
                        source: |
                          import io.sluice.api.script.*;
                          public class ScriptMain extends ScriptComponent {
                            private int sum;
                            private String last;
                            @Override
                            public void processInputRow(ScriptRow row) {
                              sum += row.getInt("N");
                              last = row.getString("Label");
                            }
                            @Override
                            public void postExecute() {
                              events().fireInformation(0, componentName(), "last " + last);
                              variables().set("User::Rows", sum);
                            }
                          }
                %s
                """
                    .formatted(SHOW_ROWS)));

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(events.messages(MessageType.INFORMATION)).contains("Sum: last row 5", "rows=15");
  }

  @Test
  void aComponentFromAScriptFileReadsItsReadOnlyVariables() {
    Map<String, byte[]> files =
        project(
            """
            variables:
              - {name: Rows, type: Int32, value: 0}
            tasks:
              - name: Flow
                type: DataFlow
                components:
                  - name: Make
                    type: ScriptComponent
                    file: scripts/Make/ScriptMain.java
                    readOnlyVariables: [$Package::Region]
                    outputColumns: [{name: Region, type: 'DT_WSTR,10'}]
                  - name: Check
                    type: ConditionalSplit
                    input: Make
                    conditions: [{output: Emea, expression: 'Region == "emea"'}]
                  - {name: Count, type: RowCount, input: {from: Check, output: Emea}, variable: User::Rows}
            %s
            """
                .formatted(SHOW_ROWS));
    files.put(
        "scripts/Make/ScriptMain.java",
        bytes(
            """
            import io.sluice.api.script.*;
            public class ScriptMain extends ScriptComponent {
              @Override
              public void createNewOutputRows() throws Exception {
                String region = variables().get("$Package::Region", String.class);
                for (int i = 0; i < 3; i++) {
                  output0Buffer().addRow();
                  output0Buffer().setString("Region", region);
                }
              }
            }
            """));

    RecordedEvents events = run(files);

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(events.messages(MessageType.INFORMATION)).contains("rows=3");
  }

  @Test
  void aMisspeltSettingOfAnOutputColumnIsRefusedWhereItIsWritten() {
    Map<String, byte[]> files =
        project(
            """
            tasks:
              - name: Flow
                type: DataFlow
                components:
                  - name: Make
                    type: ScriptComponent
                    outputColumns: [{name: N, tpye: DT_I4}]
                    source: |
                      import io.sluice.api.script.*;
                      public class ScriptMain extends ScriptComponent {}
                  - {name: Drop, type: DiscardDestination, input: Make}
            """);

    assertThat(problems(files))
        .anySatisfy(p -> assertThat(p).startsWith("packages/main.yaml:9:").contains("tpye"));
  }

  @Test
  void aRowTheScriptFailsOnIsRedirectedToTheErrorOutput() throws Exception {
    long above = countRatesAbove(1.0);
    RecordedEvents events =
        run(
            project(
                """
                variables:
                  - {name: Rows, type: Int32, value: 0}
                  - {name: Good, type: Int32, value: 0}
                connections:
                %s
                tasks:
                  - name: Flow
                    type: DataFlow
                    components:
                      - {name: Read, type: FlatFileSource, connection: Rates}
                      - name: Check
                        type: ScriptComponent
                        input: Read
                        onError: redirect
                        source: |
                          import io.sluice.api.script.*;
                          public class ScriptMain extends ScriptComponent {
                            @Override
                            public void processInputRow(ScriptRow row) {
                              if (row.getDouble("AverageRate") > 1.0) {
                                throw new IllegalArgumentException("rate above parity");
                              }
                            }
                          }
                      - {name: Count good, type: RowCount, input: Check, variable: User::Good}
                      - {name: Count bad, type: RowCount, input: {from: Check, output: Error}, variable: User::Rows}
                %s
                """
                    .formatted(RATES_CONNECTION, SHOW_ROWS)));

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(above).isBetween(1L, 1095L);
    assertThat(events.messages(MessageType.INFORMATION)).contains("rows=" + above);
  }

  @Test
  void withoutOnErrorAFailingRowFailsTheFlowNamingTheScriptLine() {
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
                      - name: Check
                        type: ScriptComponent
                        input: Read
                        source: |
                          import io.sluice.api.script.*;
                          public class ScriptMain extends ScriptComponent {
                            @Override
                            public void processInputRow(ScriptRow row) {
                              throw new IllegalArgumentException("no " + row.getString("CurrencyID"));
                            }
                          }
                      - {name: Drop, type: DiscardDestination, input: Check}
                """
                    .formatted(RATES_CONNECTION)));

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.messages(MessageType.ERROR))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("the script failed at ScriptMain.java:5")
                    .contains("no USD"));
  }

  @Test
  void aVariableWrittenBeforePostExecuteIsRefused() {
    RecordedEvents events =
        run(
            project(
                """
                variables:
                  - {name: Rows, type: Int32, value: 0}
                tasks:
                  - name: Flow
                    type: DataFlow
                    components:
                      - name: Make
                        type: ScriptComponent
                        readWriteVariables: [User::Rows]
                        outputColumns: [{name: N, type: DT_I4}]
                        source: |
                          import io.sluice.api.script.*;
                          public class ScriptMain extends ScriptComponent {
                            @Override
                            public void preExecute() {
                              variables().set("User::Rows", 1);
                            }
                          }
                      - {name: Drop, type: DiscardDestination, input: Make}
                """));

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.messages(MessageType.ERROR))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("writes variable User::Rows before postExecute")
                    .contains("Script Component 'Make'"));
  }

  @Test
  void aCompileErrorIsReportedAtItsLineAndColumnInThePackageFile() {
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
                      import io.sluice.api.script.*;
                      public class ScriptMain extends ScriptComponent {
                        public void createNewOutputRows() {
                          int n = "text";
                        }
                      }
                  - {name: Drop, type: DiscardDestination, input: Make}
            """);

    // packages/main.yaml: two lines of parameters, then the package; the source's 4th line is
    // line 14, and "text" starts at its 13th column, in a block indented by 10
    assertThat(problems(files))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("packages/main.yaml:14:23: the script does not compile:")
                    .contains("Type mismatch"));
  }

  @Test
  void aCompileErrorInAScriptFileIsReportedInThatFile() {
    Map<String, byte[]> files =
        project(
            """
            tasks:
              - name: Flow
                type: DataFlow
                components:
                  - {name: Make, type: ScriptComponent, file: scripts/Make/ScriptMain.java}
                  - {name: Drop, type: DiscardDestination, input: Make}
            """);
    files.put(
        "scripts/Make/ScriptMain.java",
        bytes(
            "import io.sluice.api.script.*;\n"
                + "public class ScriptMain extends ScriptComponent {\n"
                + "  public void preExecute() { undefined(); }\n"
                + "}\n"));

    assertThat(problems(files))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("scripts/Make/ScriptMain.java:3:30: the script does not compile:"));
  }

  @Test
  void validatingCompilesTheComponentButNeverLoadsItRunningDoes() {
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
                      import io.sluice.api.script.*;
                      public class ScriptMain extends ScriptComponent {
                        static {
                          try {
                            java.nio.file.Files.writeString(java.nio.file.Path.of("MARKER"), "ran");
                          } catch (java.io.IOException e) {
                            throw new RuntimeException(e);
                          }
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
  void aSensitiveValueInTheScriptsExceptionIsMasked() {
    String secret = "s3cr3t-Rate-Key";
    Map<String, byte[]> files =
        project(
            """
            tasks:
              - name: Flow
                type: DataFlow
                components:
                  - name: Make
                    type: ScriptComponent
                    readOnlyVariables: ["$Project::Password"]
                    outputColumns: [{name: N, type: DT_I4}]
                    source: |
                      import io.sluice.api.script.*;
                      public class ScriptMain extends ScriptComponent {
                        @Override
                        public void preExecute() {
                          Object key = variables().sensitiveValue("$Project::Password");
                          events().fireWarning(0, "", "leak " + key);
                          throw new IllegalStateException("failing with " + key);
                        }
                      }
                  - {name: Drop, type: DiscardDestination, input: Make}
            """);
    files.put(
        "project.yaml",
        bytes(
            "name: scripted\nparameters:\n  - {name: Password, type: String, sensitive: true}\n"));

    RecordedEvents events = run(files, Map.of("Password", secret));

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.messages(MessageType.WARNING))
        .as(events.all())
        .anySatisfy(m -> assertThat(m).contains("leak ********"));
    assertThat(events.messages(MessageType.ERROR))
        .anySatisfy(m -> assertThat(m).contains("failing with ********"));
    assertThat(events.events).noneSatisfy(e -> assertThat(e.message()).contains(secret));
  }

  // ---------------------------------------------------------------------------------------------

  /** The tutorial's rate file, as lesson 1 reads it. */
  private static final String RATES_CONNECTION =
      """
        - name: Rates
          type: flatFile
          file: '%s'
          delimiter: '\\t'
          columns:
            - {name: AverageRate, type: DT_R8}
            - {name: CurrencyID, type: 'DT_WSTR,3'}
            - {name: CurrencyDate, type: DT_DBTIMESTAMP}
            - {name: EndOfDayRate, type: DT_R8}
      """
          .formatted(RATES);

  /** A Script task after the flow that reports User::Rows as {@code rows=N}. */
  private static final String SHOW_ROWS =
      """
        - name: Show
          type: Script
          after: [Flow]
          readOnlyVariables: [User::Rows]
          source: |
            import io.sluice.api.script.*;
            public class ScriptMain implements Script {
              public void main(Dts dts) {
                dts.events().fireInformation(0, "", "rows=" + dts.variables().get("User::Rows"));
              }
            }
      """;

  private static long countRatesAbove(double limit) throws Exception {
    return Files.readAllLines(RATES).stream()
        .filter(l -> !l.isBlank())
        .filter(l -> Double.parseDouble(l.split("\t")[0]) > limit)
        .count();
  }

  private static Map<String, byte[]> project(String mainPackage) {
    Map<String, byte[]> files = new HashMap<>();
    files.put("project.yaml", bytes("name: scripted\n"));
    files.put(
        "packages/main.yaml",
        bytes("parameters:\n  - {name: Region, type: String, default: emea}\n" + mainPackage));
    return files;
  }

  private RecordedEvents run(Map<String, byte[]> files) {
    return run(files, Map.of());
  }

  private RecordedEvents run(Map<String, byte[]> files, Map<String, Object> projectParameters) {
    return TestRuns.run(
        ProjectFiles.of(files),
        dir.resolve("jars"),
        "main",
        new ParameterValues(projectParameters, Map.of()));
  }

  private static List<String> problems(Map<String, byte[]> files) {
    try {
      ProjectParser.parse(ProjectFiles.of(files));
    } catch (ProjectFormatException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("the project was accepted");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
