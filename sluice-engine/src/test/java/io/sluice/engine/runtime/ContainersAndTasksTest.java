package io.sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.event.ExecutableStatistic;
import io.sluice.engine.event.MessageType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loops, enumerators, real processes and files, child packages, parallelism and cancel. */
class ContainersAndTasksTest {

  @TempDir Path dir;

  private static String lastLog(RecordingSink sink) {
    List<String> logs =
        sink.messages(MessageType.INFORMATION).stream()
            .filter(m -> m.startsWith("User::Log = "))
            .toList();
    return logs.isEmpty() ? null : logs.get(logs.size() - 1).substring("User::Log = ".length());
  }

  @Test
  void forLoopRunsInitEvalAssignAndOneStatisticPerIteration() {
    String yaml =
        """
        variables:
          - {name: I, type: Int32, value: 0}
          - {name: Log, type: String, value: ""}
        tasks:
          - name: Loop
            type: ForLoop
            initExpression: '@[User::I] = 1'
            evalExpression: '@[User::I] <= 3'
            assignExpression: '@[User::I] = @[User::I] + 1'
            tasks:
              - name: Append
                type: Expression
                expression: '@[User::Log] = @[User::Log] + (DT_WSTR, 2) @[User::I]'
        """;
    RecordingSink sink = new RecordingSink();
    RunResult result = TestProjects.withPackage("p", yaml).run("p", sink);

    assertThat(result.succeeded()).isTrue();
    assertThat(lastLog(sink)).isEqualTo("123");
    assertThat(sink.results("\\p\\Loop[3]\\Append")).containsExactly(0);
    assertThat(sink.statistics.stream().filter(s -> s.executablePath().endsWith("Append")))
        .hasSize(3);
  }

  @Test
  void foreachFileEnumeratorWalksMatchingFilesWithRecursionAndNameOnly() throws Exception {
    Files.writeString(dir.resolve("b.csv"), "x");
    Files.writeString(dir.resolve("a.csv"), "x");
    Files.writeString(dir.resolve("skip.txt"), "x");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/c.csv"), "x");
    String yaml =
        """
        variables:
          - {name: File, type: String, value: ""}
          - {name: Log, type: String, value: ""}
        tasks:
          - name: Each
            type: ForeachLoop
            enumerator: {type: file, folder: FOLDER, files: '*.csv', recursive: RECURSE, retrieve: nameOnly}
            variableMappings: {User::File: 0}
            tasks:
              - name: Append
                type: Expression
                expression: '@[User::Log] = @[User::Log] + @[User::File] + ";"'
        """
            .replace("FOLDER", dir.toString());
    RecordingSink flat = new RecordingSink();
    TestProjects.withPackage("p", yaml.replace("RECURSE", "false")).run("p", flat);
    assertThat(lastLog(flat)).isEqualTo("a;b;");

    RecordingSink deep = new RecordingSink();
    TestProjects.withPackage("p", yaml.replace("RECURSE", "true")).run("p", deep);
    assertThat(lastLog(deep)).isEqualTo("a;b;c;");
  }

  @Test
  void foreachItemEnumeratorMapsValuesByIndex() {
    String yaml =
        """
        variables:
          - {name: Code, type: String, value: ""}
          - {name: Rate, type: Int32, value: 0}
          - {name: Log, type: String, value: ""}
        tasks:
          - name: Each
            type: ForeachLoop
            enumerator:
              type: item
              items: [[EUR, 2], [USD, 3]]
            variableMappings: {User::Code: 0, User::Rate: 1}
            tasks:
              - name: Append
                type: Expression
                expression: '@[User::Log] = @[User::Log] + @[User::Code] + (DT_WSTR, 5) (@[User::Rate] * 10)'
        """;
    RecordingSink sink = new RecordingSink();
    TestProjects.withPackage("p", yaml).run("p", sink);
    assertThat(lastLog(sink)).isEqualTo("EUR20USD30");
  }

  @Test
  void executeProcessKeepsOutputChecksTheSuccessValueAndTimesOut() {
    String yaml =
        """
        maximumErrorCount: 10
        variables:
          - {name: Out, type: String, value: ""}
        tasks:
          - name: Echo
            type: ExecuteProcess
            executable: /bin/sh
            arguments: '-c "echo hello from $PWD"'
            workingDirectory: WORKDIR
            standardOutputVariable: User::Out
          - name: Exit3
            type: ExecuteProcess
            executable: /bin/sh
            arguments: '-c "exit 3"'
            successValue: 3
          - name: Exit1
            type: ExecuteProcess
            executable: /bin/sh
            arguments: '-c "exit 1"'
          - name: Slow
            type: ExecuteProcess
            executable: sleep
            arguments: "30"
            timeout: 1
        """
            .replace("WORKDIR", dir.toString());
    RecordingSink sink = new RecordingSink();
    Instant start = Instant.now();
    TestProjects.withPackage("p", yaml).run("p", sink);

    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
    assertThat(sink.results("\\p\\Echo")).containsExactly(0);
    assertThat(sink.events)
        .anyMatch(e -> e.type() == MessageType.INFORMATION && e.sourceName().equals("Echo"));
    assertThat(sink.results("\\p\\Exit3")).containsExactly(0);
    assertThat(sink.results("\\p\\Exit1")).containsExactly(1);
    assertThat(sink.results("\\p\\Slow")).containsExactly(1);
    assertThat(sink.messages(MessageType.ERROR))
        .anySatisfy(m -> assertThat(m).contains("timeout of 1 s"));
  }

  @Test
  void fileSystemTaskCopiesMovesCreatesAndDeletes() throws Exception {
    Path in = dir.resolve("in.txt");
    Files.writeString(in, "data");
    String yaml =
        """
        tasks:
          - {name: Make, type: FileSystem, operation: createDirectory, source: D/out}
          - {name: Copy, type: FileSystem, operation: copyFile, source: D/in.txt, destination: D/out, after: Make}
          - {name: Move, type: FileSystem, operation: moveFile, source: D/out/in.txt, destination: D/out/moved.txt, after: Copy}
          - {name: Delete, type: FileSystem, operation: deleteFile, source: D/in.txt, after: Move}
        """
            .replace("D/", dir + "/");
    RunResult result = TestProjects.withPackage("p", yaml).run("p", new RecordingSink());

    assertThat(result.succeeded()).isTrue();
    assertThat(dir.resolve("out/moved.txt")).hasContent("data");
    assertThat(dir.resolve("out/in.txt")).doesNotExist();
    assertThat(in).doesNotExist();
  }

  @Test
  void fileSystemTaskTakesItsPathsFromFileConnectionsWhosePathsExpressionsCompute()
      throws Exception {
    // the File System task is written on the public SDK: connections, settings and events through
    // it
    Files.writeString(dir.resolve("in.txt"), "data");
    String yaml =
        """
        variables:
          - {name: Target, type: String, value: D/copied.txt}
        connections:
          - {name: In, type: file, path: D/in.txt}
          - {name: Out, type: file, path: D/unused.txt, expressions: {path: '@[User::Target]'}}
        tasks:
          - {name: Copy, type: FileSystem, operation: copyFile, sourceConnection: In, destinationConnection: Out}
        """
            .replace("D/", dir + "/");
    RecordingSink events = new RecordingSink();
    RunResult result = TestProjects.withPackage("p", yaml).run("p", events);

    assertThat(result.succeeded()).as(events.messages(MessageType.ERROR).toString()).isTrue();
    assertThat(dir.resolve("copied.txt")).hasContent("data");
    assertThat(dir.resolve("unused.txt")).doesNotExist();
    assertThat(events.messages(MessageType.INFORMATION))
        .anySatisfy(m -> assertThat(m).contains("-> " + dir.resolve("copied.txt") + " done"));
  }

  @Test
  void fileSystemTaskSettingsAreCheckedBeforeItRuns() {
    String yaml =
        """
        connections:
          - {name: In, type: file, path: /tmp/in.txt}
        tasks:
          - {name: NoOperation, type: FileSystem, source: /tmp/x}
          - {name: Twice, type: FileSystem, operation: deleteFile, source: /tmp/x, sourceConnection: In}
          - {name: Typo, type: FileSystem, operation: copyfile, source: /tmp/x, destination: /tmp/y}
        """;
    assertThatThrownBy(() -> TestProjects.withPackage("p", yaml).run("p", new RecordingSink()))
        .hasMessageContaining("4:5: 'operation' is required in a FileSystem task")
        .hasMessageContaining("give only one of 'source' or 'sourceConnection'")
        .hasMessageContaining("'operation' must be one of copyFile, moveFile");
    // what only the task itself can tell: checked by the SDK plugin's prepare
    String noTarget =
        """
        tasks:
          - {name: NoTarget, type: FileSystem, operation: deleteFile, source: /tmp/x, destination: /tmp/y}
        """;
    RecordingSink events = new RecordingSink();
    RunResult result = TestProjects.withPackage("p", noTarget).run("p", events);
    assertThat(result.succeeded()).isFalse();
    assertThat(events.messages(MessageType.ERROR))
        .anySatisfy(m -> assertThat(m).contains("deleteFile takes no destination"));
  }

  @Test
  void executePackageRunsAChildWithBoundParameters() {
    TestProjects project =
        TestProjects.project("name: t\n")
            .file(
                "packages/parent.yaml",
                """
                variables:
                  - {name: Name, type: String, value: world}
                tasks:
                  - name: Call
                    type: ExecutePackage
                    package: child
                    parameters: {Who: User::Name}
                """)
            .file(
                "packages/child.yaml",
                """
                parameters:
                  - {name: Who, type: String, required: true}
                variables:
                  - {name: Log, type: String, value: ""}
                tasks:
                  - name: Greet
                    type: Expression
                    expression: '@[User::Log] = "hello " + @[$Package::Who]'
                """);
    RecordingSink sink = new RecordingSink();
    RunResult result = project.run("parent", sink);

    assertThat(result.succeeded()).isTrue();
    assertThat(lastLog(sink)).isEqualTo("hello world");
    assertThat(sink.events).anyMatch(e -> e.packageName().equals("child"));
  }

  @Test
  void independentBranchesRunInParallelUpToTheLimit() {
    StringBuilder yaml = new StringBuilder("tasks:\n");
    for (int i = 1; i <= 4; i++) {
      yaml.append(
          "  - {name: Sleep"
              + i
              + ", type: ExecuteProcess, executable: sleep, arguments: \"0.6\"}\n");
    }
    RecordingSink sink = new RecordingSink();
    RunResult result =
        TestProjects.withPackage("p", yaml.toString())
            .run(
                "p",
                ParameterValues.none(),
                RunOptions.defaults().withMaxConcurrentExecutables(2),
                sink);

    assertThat(result.succeeded()).isTrue();
    assertThat(maxOverlap(sink.statistics)).isEqualTo(2);
    assertThat(result.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(1200));
  }

  @Test
  void cancelKillsARunningProcessAndReportsCanceled() throws Exception {
    String yaml =
        """
        tasks:
          - {name: Long, type: ExecuteProcess, executable: sleep, arguments: "60"}
          - {name: Never, type: ExecuteProcess, executable: "true", after: Long}
        """;
    RecordingSink sink = new RecordingSink();
    CancellationToken token = new CancellationToken();
    CompletableFuture<RunResult> run =
        CompletableFuture.supplyAsync(
            () ->
                TestProjects.withPackage("p", yaml)
                    .run(
                        "p",
                        ParameterValues.none(),
                        RunOptions.defaults().withCancellation(token),
                        sink));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> sink.sources(MessageType.PRE_EXECUTE).contains("Long"));
    Instant asked = Instant.now();
    token.cancel();
    RunResult result = run.get(10, TimeUnit.SECONDS);

    assertThat(result.status()).isEqualTo(RunResult.Status.CANCELED);
    assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(3));
    assertThat(sink.sources(MessageType.PRE_EXECUTE)).doesNotContain("Never");
    assertThat(sink.results("\\p\\Long")).containsExactly(3);
  }

  /** The largest number of task statistics whose time ranges overlap at one instant. */
  private static int maxOverlap(List<ExecutableStatistic> statistics) {
    List<ExecutableStatistic> tasks =
        statistics.stream().filter(s -> s.executablePath().contains("Sleep")).toList();
    int max = 0;
    for (ExecutableStatistic s : tasks) {
      Instant at = s.start().plusMillis(1);
      int n = 0;
      for (ExecutableStatistic o : tasks) {
        if (!o.start().isAfter(at) && o.end().isAfter(at)) {
          n++;
        }
      }
      max = Math.max(max, n);
    }
    return max;
  }
}
