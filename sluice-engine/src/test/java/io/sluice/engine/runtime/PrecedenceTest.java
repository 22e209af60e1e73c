package io.sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import org.junit.jupiter.api.Test;

/** Precedence constraints: outcomes, expressions, ALL/ANY, and branches that never run. */
class PrecedenceTest {

  /** A task that always fails: deleting a file that does not exist. */
  static final String FAILING =
      "    type: FileSystem\n"
          + "    operation: deleteFile\n"
          + "    source: /nonexistent/sluice-test/file.txt\n";

  static final String LOG_VARIABLE =
      """
      variables:
        - name: Log
          type: String
          value: ""
      """;

  @Test
  void successFailureAndCompletionConstraintsFollowTheOutcome() {
    String yaml =
        LOG_VARIABLE
            + "maximumErrorCount: 10\ntasks:\n"
            + "  - name: Fails\n"
            + FAILING
            + """
              - name: OnSuccess
                type: Expression
                after: Fails
                expression: '@[User::Log] = @[User::Log] + "s"'
              - name: OnFailure
                type: Expression
                after: [{task: Fails, on: failure}]
                expression: '@[User::Log] = @[User::Log] + "f"'
              - name: OnCompletion
                type: Expression
                after: [{task: Fails, on: completion}]
                expression: '@[User::Log] = @[User::Log] + "c"'
            """;
    RecordingSink sink = new RecordingSink();
    RunResult result = TestProjects.withPackage("p", yaml).run("p", sink);

    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCESS);
    assertThat(sink.sources(MessageType.PRE_EXECUTE))
        .contains("Fails", "OnFailure", "OnCompletion")
        .doesNotContain("OnSuccess");
    assertThat(
            sink.messages(MessageType.INFORMATION).stream().filter(m -> m.startsWith("User::Log")))
        .last()
        .satisfies(m -> assertThat(m).matches("User::Log = (fc|cf)"));
  }

  @Test
  void anExpressionMustAlsoHoldAndTasksAfterASkippedTaskAreSkipped() {
    String yaml =
        LOG_VARIABLE
            + """
            tasks:
              - name: First
                type: Expression
                expression: '@[User::Log] = "a"'
              - name: Guarded
                type: Expression
                after: [{task: First, on: success, expression: '@[User::Log] == "zzz"'}]
                expression: '@[User::Log] = @[User::Log] + "g"'
              - name: AfterGuarded
                type: Expression
                after: Guarded
                expression: '@[User::Log] = @[User::Log] + "x"'
              - name: Allowed
                type: Expression
                after: [{task: First, on: success, expression: '@[User::Log] == "a"'}]
                expression: '@[User::Log] = @[User::Log] + "y"'
            """;
    RecordingSink sink = new RecordingSink();
    RunResult result = TestProjects.withPackage("p", yaml).run("p", sink);

    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCESS);
    assertThat(sink.sources(MessageType.PRE_EXECUTE)).containsExactly("p", "First", "Allowed");
  }

  @Test
  void allWaitsForEveryConstraintAndAnyForOne() {
    String yaml =
        LOG_VARIABLE
            + """
            maximumErrorCount: 10
            tasks:
              - name: Good
                type: Expression
                expression: '@[User::Log] = @[User::Log] + "g"'
              - name: Bad
            """
            + FAILING
            + """
              - name: NeedsBoth
                type: Expression
                after: [Good, Bad]
                expression: '@[User::Log] = @[User::Log] + "both"'
              - name: NeedsEither
                type: Expression
                after: [Good, Bad]
                afterMode: any
                expression: '@[User::Log] = @[User::Log] + "either"'
            """;
    RecordingSink sink = new RecordingSink();
    TestProjects.withPackage("p", yaml).run("p", sink);

    assertThat(sink.sources(MessageType.PRE_EXECUTE))
        .contains("NeedsEither")
        .doesNotContain("NeedsBoth");
  }

  @Test
  void aDisabledTaskDoesNotRunAndCountsAsSuccessForWhatFollows() {
    String yaml =
        LOG_VARIABLE
            + """
            tasks:
              - name: Off
                type: Expression
                disabled: true
                expression: '@[User::Log] = "off"'
              - name: Next
                type: Expression
                after: Off
                expression: '@[User::Log] = @[User::Log] + "next"'
            """;
    RecordingSink sink = new RecordingSink();
    TestProjects.withPackage("p", yaml).run("p", sink);

    assertThat(sink.messages(MessageType.INFORMATION)).contains("User::Log = next");
    assertThat(sink.sources(MessageType.PRE_EXECUTE)).doesNotContain("Off");
  }

  @Test
  void disabledByAnExpressionIsDecidedEachTimeTheExecutableWouldRun() {
    // docs/package-format.md 7.2's example: a project parameter switches a task (and a data flow,
    // whose settings are checked strictly) off; description may be an expression too
    String yaml =
        LOG_VARIABLE
            + """
            connections:
              - name: Missing
                type: flatFile
                file: /nonexistent/sluice-never-read.csv
                columns: [{name: N, type: DT_I4}]
            tasks:
              - name: Flow
                type: DataFlow
                delayValidation: true
                expressions: {disabled: "@[$Project::SkipLoad]", description: '"computed"'}
                components:
                  - {name: Read, type: FlatFileSource, connection: Missing}
                  - {name: Count, type: RowCount, input: Read, variable: User::Log}
              - name: Off
                type: Expression
                expression: '@[User::Log] = @[User::Log] + "off"'
                expressions: {disabled: "@[$Project::SkipLoad]"}
              - name: On
                type: Expression
                expression: '@[User::Log] = @[User::Log] + "on"'
                expressions: {disabled: "!@[$Project::SkipLoad]", maximumErrorCount: "2"}
              - name: Next
                type: Expression
                after: [Flow, Off]
                expression: '@[User::Log] = @[User::Log] + "next"'
            """;
    TestProjects project =
        TestProjects.project(
                "name: t\nparameters:\n  - {name: SkipLoad, type: Boolean, default: true}\n")
            .file("packages/p.yaml", yaml);
    RecordingSink sink = new RecordingSink();
    RunResult result = project.run("p", sink);

    assertThat(result.succeeded()).as(sink.messages(MessageType.ERROR).toString()).isTrue();
    assertThat(sink.sources(MessageType.PRE_EXECUTE))
        .contains("On", "Next")
        .doesNotContain("Off", "Flow");
  }

  @Test
  void aDisabledTaskIsNotValidatedAsInSsis() {
    // SSIS validates neither a disabled task nor one an expression disables when the package
    // starts: switching a load off because its file is missing must not fail the package on it
    String yaml =
        LOG_VARIABLE
            + """
            connections:
              - name: Missing
                type: flatFile
                file: /nonexistent/sluice-never-read.csv
                columns: [{name: N, type: DT_I4}]
            tasks:
              - name: Flow
                type: DataFlow
                expressions: {disabled: "@[$Project::SkipLoad]"}
                components:
                  - {name: Read, type: FlatFileSource, connection: Missing}
                  - {name: Count, type: RowCount, input: Read, variable: User::Log}
              - name: Off
                type: DataFlow
                disabled: true
                components:
                  - {name: Read, type: FlatFileSource, connection: Missing}
                  - {name: Count, type: RowCount, input: Read, variable: User::Log}
              - name: Next
                type: Expression
                after: [Flow, Off]
                expression: '@[User::Log] = "next"'
            """;
    TestProjects skipping =
        TestProjects.project(
                "name: t\nparameters:\n  - {name: SkipLoad, type: Boolean, default: true}\n")
            .file("packages/p.yaml", yaml);
    RecordingSink sink = new RecordingSink();
    RunResult result = skipping.run("p", sink);

    assertThat(result.succeeded()).as(sink.messages(MessageType.ERROR).toString()).isTrue();
    assertThat(sink.sources(MessageType.PRE_EXECUTE))
        .contains("Next")
        .doesNotContain("Flow", "Off");

    // enabled when the package runs: validated then, and the missing file fails it by name
    TestProjects loading =
        TestProjects.project(
                "name: t\nparameters:\n  - {name: SkipLoad, type: Boolean, default: false}\n")
            .file("packages/p.yaml", yaml);
    RecordingSink failed = new RecordingSink();
    assertThat(loading.run("p", failed).succeeded()).isFalse();
    assertThat(failed.messages(MessageType.ERROR))
        .anySatisfy(m -> assertThat(m).contains("sluice-never-read.csv"));
  }

  @Test
  void aDisabledExpressionThatIsNotBooleanFailsNamingIt() {
    String yaml =
        LOG_VARIABLE
            + """
            tasks:
              - name: Odd
                type: Expression
                expression: '@[User::Log] = "odd"'
                expressions: {disabled: '"yes"'}
            """;
    RecordingSink sink = new RecordingSink();
    RunResult result = TestProjects.withPackage("p", yaml).run("p", sink);

    assertThat(result.succeeded()).isFalse();
    assertThat(sink.messages(MessageType.ERROR))
        .anySatisfy(m -> assertThat(m).contains("'disabled'").contains("must give a Boolean"));
  }

  @Test
  void variableNamesAreCaseSensitiveAsInSsisAndAWrongCaseNamesTheVariableMeant() {
    String yaml =
        LOG_VARIABLE
            + """
            tasks:
              - name: Wrong case
                type: Expression
                expression: '@[User::log] = "x"'
            """;
    RecordingSink sink = new RecordingSink();
    RunResult result = TestProjects.withPackage("p", yaml).run("p", sink);

    assertThat(result.succeeded()).isFalse();
    assertThat(sink.messages(MessageType.ERROR))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("variable 'User::log' does not exist; did you mean User::Log?"));
  }
}
