package io.sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Error counting, FailPackageOnFailure, ForceExecutionResult, event handlers and events. */
class ErrorsAndHandlersTest {

  private static final String VARS =
      """
      variables:
        - name: Log
          type: String
          value: ""
      """;

  @Test
  void oneFailedTaskFailsThePackageAtTheDefaultMaximumErrorCount() {
    String yaml = VARS + "tasks:\n  - name: Fails\n" + PrecedenceTest.FAILING;
    RecordingSink sink = new RecordingSink();
    RunResult result = TestProjects.withPackage("p", yaml).run("p", sink);

    assertThat(result.status()).isEqualTo(RunResult.Status.FAILURE);
    assertThat(result.errorCount()).isEqualTo(1);
    assertThat(sink.results("\\p\\Fails")).containsExactly(1);
    assertThat(sink.results("\\p")).containsExactly(1);
  }

  @Test
  void aHigherMaximumErrorCountLetsThePackageSucceed() {
    String yaml = VARS + "maximumErrorCount: 2\ntasks:\n  - name: Fails\n" + PrecedenceTest.FAILING;
    RunResult result = TestProjects.withPackage("p", yaml).run("p", new RecordingSink());

    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCESS);
    assertThat(result.errorCount()).isEqualTo(1);
  }

  @Test
  void failPackageOnFailureFailsThePackageWhateverItsErrorCount() {
    String yaml =
        VARS
            + "maximumErrorCount: 5\ntasks:\n  - name: Fails\n"
            + PrecedenceTest.FAILING
            + "    failPackageOnFailure: true\n";
    RunResult result = TestProjects.withPackage("p", yaml).run("p", new RecordingSink());

    assertThat(result.status()).isEqualTo(RunResult.Status.FAILURE);
  }

  @Test
  void forceExecutionResultChangesWhatConstraintsSeeButErrorsStillCount() {
    String yaml =
        VARS
            + "maximumErrorCount: 5\ntasks:\n  - name: Fails\n"
            + PrecedenceTest.FAILING
            + """
                forceExecutionResult: success
              - name: Next
                type: Expression
                after: Fails
                expression: '@[User::Log] = "ran"'
            """;
    RecordingSink sink = new RecordingSink();
    RunResult result = TestProjects.withPackage("p", yaml).run("p", sink);

    assertThat(sink.results("\\p\\Fails")).containsExactly(0);
    assertThat(sink.messages(MessageType.INFORMATION)).contains("User::Log = ran");
    assertThat(result.errorCount()).isEqualTo(1);
    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCESS);
  }

  @Test
  void eventsOfAChildPackageBubbleToTheExecutePackageTaskAndUpTheParent() {
    String parent =
        VARS
            + """
            tasks:
              - name: Run child
                type: ExecutePackage
                package: child
                eventHandlers:
                  OnError:
                    - name: Task handler
                      type: Expression
                      expression: '@[User::Log] = @[User::Log] + "task:" + @[System::SourceName] + ";"'
            eventHandlers:
              OnTaskFailed:
                - name: Failed handler
                  type: Expression
                  expression: '@[User::Log] = @[User::Log] + "failed:" + @[System::SourceName] + ";"'
            """;
    String child =
        VARS
            + "tasks:\n  - name: Fails\n"
            + PrecedenceTest.FAILING
            + """
            eventHandlers:
              OnError:
                - name: Child handler
                  type: Expression
                  expression: '@[User::Log] = "child:" + @[System::SourceName]'
            """;
    RecordingSink sink = new RecordingSink();
    RunResult result =
        TestProjects.withPackage("parent", parent)
            .file("packages/child.yaml", child)
            .run("parent", sink);

    assertThat(result.status()).isEqualTo(RunResult.Status.FAILURE);
    assertThat(logs(sink, "child")).containsExactly("User::Log = child:Fails");
    // The child's own handler first, then the task's, then the parent package's.
    assertThat(logs(sink, "parent"))
        .startsWith("User::Log = task:Fails;", "User::Log = task:Fails;failed:Fails;")
        .last()
        .isEqualTo(
            "User::Log = task:Fails;failed:Fails;failed:child;task:Run child;failed:Run child;"
                + "failed:parent;");
    assertThat(sink.events)
        .filteredOn(e -> e.type() == MessageType.ERROR && e.sourceName().equals("Fails"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.packageName()).isEqualTo("child");
              assertThat(e.executionPath()).isEqualTo("\\parent\\Run child\\child\\Fails");
            });

    String stopped =
        child.replace(
            "expression: '@[User::Log] = \"child:\" + @[System::SourceName]'",
            "expression: '@[System::Propagate] = false'");
    RecordingSink second = new RecordingSink();
    TestProjects.withPackage("parent", parent)
        .file("packages/child.yaml", stopped)
        .run("parent", second);
    assertThat(logs(second, "parent").get(0)).isEqualTo("User::Log = failed:Fails;");
    assertThat(logs(second, "parent")).noneMatch(m -> m.contains("task:Fails"));
  }

  /**
   * A failing task in an OnPreExecute handler raises OnTaskFailed, whose handler's task raises
   * OnPreExecute, and so on: each handler runs once per original event, never again for events of a
   * chain it is already part of, and handler tasks run in the slot of the task whose event they
   * handle (with one slot, a handler that waited for another would wait forever).
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "maxConcurrentExecutables {0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {1, -1})
  @org.junit.jupiter.api.Timeout(
      value = 30,
      threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void handlersWhoseTasksFailDoNotFireEachOtherForever(int maxConcurrent) {
    String yaml =
        VARS
            + "maxConcurrentExecutables: "
            + maxConcurrent
            + "\ntasks:\n  - name: Fails\n"
            + PrecedenceTest.FAILING
            + """
            eventHandlers:
              OnPreExecute:
                - name: Before
                  type: Expression
                  expression: '@[User::Log] = @[User::Log] + "pre:" + @[System::SourceName] + ";"'
                - name: Pre fails
                  after: Before
            """
            + PrecedenceTest.FAILING.replace("    ", "      ")
            + """
              OnTaskFailed:
                - name: Failed fails
            """
            + PrecedenceTest.FAILING.replace("    ", "      ");
    RecordingSink sink = new RecordingSink();
    RunResult result = TestProjects.withPackage("p", yaml).run("p", sink);

    assertThat(result.status()).isEqualTo(RunResult.Status.FAILURE);
    // Before runs for the package, for Fails, and (as in SSIS, where a handler's tasks raise
    // events too) for the OnTaskFailed handler's task, once for Fails' failure and once for the
    // package's; never for a task started by its own chain of events.
    assertThat(logs(sink, "p"))
        .containsExactly(
            "User::Log = pre:p;",
            "User::Log = pre:p;pre:Fails;",
            "User::Log = pre:p;pre:Fails;pre:Failed fails;",
            "User::Log = pre:p;pre:Fails;pre:Failed fails;pre:Failed fails;");
  }

  @Test
  void aVariableWithRaiseChangedEventRaisesVariableValueChangedOnThePackageWhenItChanges() {
    String yaml =
        """
        variables:
          - {name: Log, type: String, value: ""}
          - {name: Counter, type: Int32, value: 0, raiseChangedEvent: true}
        tasks:
          - {name: One, type: Expression, expression: '@[User::Counter] = 1'}
          - {name: Same, type: Expression, expression: '@[User::Counter] = 1', after: One}
          - {name: Two, type: Expression, expression: '@[User::Counter] = 2', after: Same}
        eventHandlers:
          OnVariableValueChanged:
            - name: Note
              type: Expression
              expression: '@[User::Log] = @[User::Log] + (DT_WSTR,10)@[User::Counter] + ";"'
        """;
    RecordingSink sink = new RecordingSink();
    RunResult result = TestProjects.withPackage("p", yaml).run("p", sink);

    assertThat(result.succeeded()).isTrue();
    assertThat(sink.events)
        .filteredOn(e -> e.type() == MessageType.VARIABLE_VALUE_CHANGED)
        .extracting(e -> e.executionPath() + " " + e.message())
        .as("raised by the package that defines it, and only when the value changes")
        .containsExactly("\\p User::Counter changed to 1", "\\p User::Counter changed to 2");
    assertThat(logs(sink, "p")).containsExactly("User::Log = 1;", "User::Log = 1;2;");
  }

  /** The values written to User::Log in one package of the run, in order. */
  private static List<String> logs(RecordingSink sink, String packageName) {
    return sink.events.stream()
        .filter(e -> e.type() == MessageType.INFORMATION && e.packageName().equals(packageName))
        .map(e -> e.message())
        .filter(m -> m.startsWith("User::Log"))
        .toList();
  }

  @Test
  void onErrorHandlersBubbleFromTheTaskToThePackageUntilPropagateIsFalse() {
    String yaml =
        VARS
            + """
            maximumErrorCount: 5
            tasks:
              - name: Box
                type: Sequence
                maximumErrorCount: 5
                tasks:
                  - name: Fails
            """
            + PrecedenceTest.FAILING.replaceAll("(?m)^", "    ")
            + """
                eventHandlers:
                  OnError:
                    - name: Box handler
                      type: Expression
                      expression: '@[User::Log] = @[User::Log] + "box:" + @[System::SourceName] + ";"'
            eventHandlers:
              OnError:
                - name: Package handler
                  type: Expression
                  expression: '@[User::Log] = @[User::Log] + "pkg;"'
            """;
    RecordingSink sink = new RecordingSink();
    TestProjects.withPackage("p", yaml).run("p", sink);

    List<String> logs =
        sink.messages(MessageType.INFORMATION).stream()
            .filter(m -> m.startsWith("User::Log"))
            .toList();
    assertThat(logs).containsExactly("User::Log = box:Fails;", "User::Log = box:Fails;pkg;");
    assertThat(sink.events)
        .anyMatch(
            e ->
                e.executionPath().equals("\\p\\Box.EventHandlers[OnError]\\Box handler")
                    && e.type() == MessageType.PRE_EXECUTE);

    String stopped =
        yaml.replace(
            "expression: '@[User::Log] = @[User::Log] + \"box:\" + @[System::SourceName] + \";\"'",
            "expression: '@[System::Propagate] = false'");
    RecordingSink second = new RecordingSink();
    TestProjects.withPackage("p", stopped).run("p", second);
    assertThat(second.sources(MessageType.PRE_EXECUTE)).doesNotContain("Package handler");
  }

  @Test
  void everyExecutableRaisesItsEventsInOrder() {
    String yaml = VARS + "tasks:\n  - name: Fails\n" + PrecedenceTest.FAILING;
    RecordingSink sink = new RecordingSink();
    TestProjects.withPackage("p", yaml).run("p", sink);

    assertThat(sink.typesOf("\\p\\Fails"))
        .containsExactly(
            MessageType.PRE_VALIDATE,
            MessageType.POST_VALIDATE,
            MessageType.PRE_EXECUTE,
            MessageType.ERROR,
            MessageType.TASK_FAILED,
            MessageType.POST_EXECUTE);
    assertThat(sink.typesOf("\\p"))
        .startsWith(MessageType.PRE_VALIDATE)
        .endsWith(MessageType.TASK_FAILED, MessageType.POST_EXECUTE);
  }

  @Test
  void validationFindsEveryProblemBeforeAnythingRuns() {
    String yaml =
        VARS
            + """
            tasks:
              - name: Runs first
                type: Expression
                expression: '@[User::Log] = "ran"'
              - name: Bad expression
                type: Expression
                expression: '@[User::Log] = 1 +'
              - name: Data
                type: DataFlow
                components:
                  - name: Source
                    type: RowCount
                    variable: User::Log
            """;
    RecordingSink sink = new RecordingSink();
    RunResult result;
    try {
      result = TestProjects.withPackage("p", yaml).run("p", sink);
    } catch (io.sluice.engine.project.ProjectFormatException e) {
      // the parser may already refuse the data flow; the expression must still be checked below
      result = null;
    }
    if (result != null) {
      assertThat(result.status()).isEqualTo(RunResult.Status.FAILURE);
      assertThat(sink.sources(MessageType.PRE_EXECUTE)).isEmpty();
      assertThat(sink.messages(MessageType.ERROR))
          .anySatisfy(
              m ->
                  assertThat(m)
                      .contains("packages/p.yaml:")
                      .contains("package 'p', task 'Bad expression'"))
          .anySatisfy(m -> assertThat(m).contains("task 'Data'").contains("DataFlow"));
    }
    String onlyExpression = yaml.substring(0, yaml.indexOf("  - name: Data"));
    RecordingSink second = new RecordingSink();
    RunResult r = TestProjects.withPackage("p", onlyExpression).run("p", second);
    assertThat(r.status()).isEqualTo(RunResult.Status.FAILURE);
    assertThat(second.sources(MessageType.PRE_EXECUTE)).isEmpty();
    assertThat(second.messages(MessageType.ERROR))
        .singleElement()
        .satisfies(m -> assertThat(m).contains("task 'Bad expression'").contains("position"));
  }
}
