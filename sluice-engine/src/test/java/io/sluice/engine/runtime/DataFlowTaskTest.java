package io.sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Data Flow task in the control flow: loops, precedence constraints, validation, failure. */
class DataFlowTaskTest {

  @TempDir Path dir;

  /** Error counts high enough that a failed flow takes the failure branch, as in SSIS. */
  private static final String PACKAGE =
      """
      maximumErrorCount: 10
      variables:
        - {name: File, type: String, value: ""}
        - {name: Rows, type: Int32, value: 0}
        - {name: Total, type: Int32, value: 0}
        - {name: Log, type: String, value: ""}
      connections:
        - name: In
          type: flatFile
          file: none.csv
          headerRow: true
          columns: [{name: N, type: DT_I4}, {name: Name, type: 'DT_WSTR,20'}]
          expressions: {file: "@[User::File]"}
        - name: Out
          type: flatFile
          file: none.out
          headerRow: true
          expressions: {file: '@[User::File] + ".out"'}
      tasks:
        - name: Each file
          type: ForeachLoop
          maximumErrorCount: 10
          enumerator: {type: file, folder: FOLDER, files: '*.csv', retrieve: fullyQualified}
          variableMappings: {User::File: 0}
          tasks:
            - name: Copy big rows
              type: DataFlow
              delayValidation: true
              components:
                - {name: Read, type: FlatFileSource, connection: In}
                - name: Split
                  type: ConditionalSplit
                  input: Read
                  conditions: [{output: Big, expression: 'N > 1'}]
                - {name: Count, type: RowCount, input: {from: Split, output: Big}, variable: Rows}
                - {name: Write, type: FlatFileDestination, input: Count, connection: Out}
            - name: Add up
              type: Expression
              after: Copy big rows
              expression: '@[User::Total] = @[User::Total] + @[User::Rows]'
            - name: Note failure
              type: Expression
              after: [{task: Copy big rows, on: failure}]
              expression: '@[User::Log] = @[User::Log] + "failed:" + @[User::File] + ";"'
        - name: Report
          type: Expression
          after: [{task: Each file, on: completion}]
          expression: '@[User::Log] = @[User::Log] + "total " + (DT_WSTR,10)@[User::Total]'
      """;

  private static String lastLog(RecordingSink sink) {
    List<String> logs =
        sink.messages(MessageType.INFORMATION).stream()
            .filter(m -> m.startsWith("User::Log = "))
            .toList();
    return logs.isEmpty() ? null : logs.get(logs.size() - 1).substring("User::Log = ".length());
  }

  @Test
  void aDataFlowRunsOncePerFileOfAForeachLoopAndFeedsItsPrecedenceConstraints() throws Exception {
    Files.writeString(dir.resolve("a.csv"), "N,Name\r\n1,x\r\n2,y\r\n3,z\r\n");
    Files.writeString(dir.resolve("b.csv"), "N,Name\r\n5,q\r\n0,r\r\n");
    RecordingSink sink = new RecordingSink();

    RunResult result =
        TestProjects.withPackage("p", PACKAGE.replace("FOLDER", dir.toString())).run("p", sink);

    assertThat(result.succeeded()).isTrue();
    assertThat(lastLog(sink)).isEqualTo("total 3");
    assertThat(Files.readAllLines(dir.resolve("a.csv.out")))
        .containsExactly("N,Name", "2,y", "3,z");
    assertThat(Files.readAllLines(dir.resolve("b.csv.out"))).containsExactly("N,Name", "5,q");
    assertThat(sink.messages(MessageType.INFORMATION))
        .filteredOn(m -> m.startsWith("Component \"Read\" was active"))
        .hasSize(2);
  }

  @Test
  void aRowThatFailsFailsTheTaskWithOneErrorAndTakesTheFailureBranch() throws Exception {
    Files.writeString(dir.resolve("a.csv"), "N,Name\r\n1,x\r\nlots,y\r\n");
    RecordingSink sink = new RecordingSink();

    RunResult result =
        TestProjects.withPackage("p", PACKAGE.replace("FOLDER", dir.toString())).run("p", sink);

    assertThat(result.succeeded()).as("the package tolerates 10 errors").isTrue();
    assertThat(sink.results("\\p\\Each file[1]\\Copy big rows")).as("failure").containsExactly(1);
    assertThat(lastLog(sink)).startsWith("failed:").endsWith("a.csv;total 0");
    assertThat(sink.messages(MessageType.ERROR))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .contains("package 'p', task 'Copy big rows'", "component 'Read'", "lots"));
  }

  @Test
  void validationPlansTheFlowAndReportsEveryProblemBeforeAnythingRuns() {
    String yaml =
        """
        variables:
          - {name: Log, type: String, value: ""}
        connections:
          - {name: In, type: flatFile, file: FILE, headerRow: true, columns: [{name: N, type: DT_I4}]}
        tasks:
          - name: First
            type: Expression
            expression: '@[User::Log] = "ran"'
          - name: Flow
            type: DataFlow
            after: First
            components:
              - {name: Read, type: FlatFileSource, connection: In}
              - name: Derive
                type: DerivedColumn
                input: Read
                columns: [{name: M, expression: 'Missing + 1'}]
          - name: Elsewhere
            type: DataFlow
            components:
              - {name: Read, type: FlatFileSource, connection: Nope}
        """
            .replace("FILE", dir.resolve("nothing-here.csv").toString());
    RecordingSink sink = new RecordingSink();

    RunResult result = TestProjects.withPackage("p", yaml).run("p", sink);

    assertThat(result.status()).isEqualTo(RunResult.Status.FAILURE);
    assertThat(sink.sources(MessageType.PRE_EXECUTE)).isEmpty();
    assertThat(sink.messages(MessageType.ERROR))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("task 'Flow'", "component 'Read' (FlatFileSource)")
                    .contains("nothing-here.csv does not exist"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "task 'Elsewhere'", "connection 'Nope' is not a flat file connection"));
    // Each problem names its package and task once (the planner's own prefix was repeated).
    assertThat(sink.messages(MessageType.ERROR))
        .allSatisfy(m -> assertThat(m.split("package 'p'", -1)).hasSize(2))
        .anySatisfy(
            m ->
                assertThat(m)
                    .endsWith(
                        "package 'p', task 'Flow': component 'Read' (FlatFileSource): file "
                            + dir.resolve("nothing-here.csv")
                            + " does not exist"));
  }
}
