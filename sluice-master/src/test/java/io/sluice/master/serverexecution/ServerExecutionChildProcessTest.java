package io.sluice.master.serverexecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.master.ScaleOutCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master runs each server-mode execution's package in a child process of its own: the package's
 * programs are the child's, never the master's; a stop request ends the child; a child killed from
 * outside ends the execution 6 with its exit code; sensitive values reach the child over its stdin
 * and stay masked. A real master on real PostgreSQL, real processes.
 */
class ServerExecutionChildProcessTest {

  @TempDir Path dir;
  private ScaleOutCluster cluster;

  @BeforeEach
  void start() {
    cluster = ScaleOutCluster.start(dir, s -> s.withServerExecutions(1));
    cluster.catalog().projects().deploy("F", project());
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void thePackageRunsInAChildProcessThatIsNotTheMaster() {
    long id = started("Parent");

    await().atMost(Duration.ofSeconds(60)).until(() -> state(id).isFinal());

    assertThat(state(id)).as("%s", messages(id)).isEqualTo(OperationStatus.SUCCEEDED);
    long parent = changedTo(id, "User::Parent");
    assertThat(parent)
        .as("the program's parent: the process the package ran in")
        .isNotEqualTo(ProcessHandle.current().pid())
        .isPositive();
    assertThat(ProcessHandle.of(parent)).as("the child ended with its run").isEmpty();
  }

  @Test
  void sensitiveValuesReachTheChildAndStayMasked() {
    long id = started("Secret");

    await().atMost(Duration.ofSeconds(60)).until(() -> state(id).isFinal());

    assertThat(state(id)).as("%s", messages(id)).isEqualTo(OperationStatus.FAILED);
    assertThat(messages(id))
        .anyMatch(m -> m.contains("User::Seen changed to length-7"))
        .anyMatch(m -> m.contains("echoed ********"))
        .noneMatch(m -> m.contains("s3cret!"));
  }

  @Test
  void aStopRequestEndsTheChildAndTheExecutionEndsCanceled() {
    long id = started("Long");
    ProcessHandle child = childOf(id);

    cluster.catalog().executions().stop(id);

    await().atMost(Duration.ofSeconds(30)).until(() -> state(id).isFinal());
    assertThat(state(id)).isEqualTo(OperationStatus.CANCELED);
    await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive());
  }

  @Test
  void aChildKilledFromOutsideEndsTheExecutionSayingItDiedAndItsProgramsEndToo() {
    long id = started("Long");
    ProcessHandle child = childOf(id);
    List<ProcessHandle> programs = child.descendants().toList();
    assertThat(programs).isNotEmpty();
    // The master looks at a child's programs every 500 ms: let it have seen this one.
    Instant programStarted = programs.get(0).info().startInstant().orElseThrow();
    await().until(() -> Instant.now().isAfter(programStarted.plusMillis(1_200)));

    try {
      child.destroyForcibly(); // SIGKILL: what the OOM killer does
      await().atMost(Duration.ofSeconds(30)).until(() -> state(id).isFinal());
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> programs.stream().noneMatch(ProcessHandle::isAlive));
    } finally {
      programs.forEach(ProcessHandle::destroyForcibly);
    }

    assertThat(state(id)).isEqualTo(OperationStatus.ENDED_UNEXPECTEDLY);
    assertThat(messages(id))
        .anyMatch(
            m ->
                m.contains(
                    "the server-mode process of execution "
                        + id
                        + " died with exit code 137 before the package ended"));
  }

  @Test
  void aStoppingMasterCancelsItsRunsAfterTenSecondsAndLeavesNoChild() {
    long id = started("Long");
    ProcessHandle child = childOf(id);

    cluster.stopMaster();

    assertThat(state(id)).isEqualTo(OperationStatus.CANCELED);
    assertThat(child.isAlive()).isFalse();
  }

  @Test
  void theChildGetsNoneOfSluicesOwnVariablesButThePluginFolder() {
    Map<String, String> environment = new HashMap<>();
    environment.put("PATH", "/bin");
    environment.put("SLUICE_CATALOG_PASSWORD", "pw");
    environment.put("SLUICE_CATALOG_KEY", "key");
    environment.put("SLUICE_TOKEN", "token");
    environment.put("SLUICE_PLUGINS", "/opt/plugins");

    ChildJvm.withoutSluiceVariables(environment);

    assertThat(environment).containsOnlyKeys("PATH", "SLUICE_PLUGINS");
  }

  /** The child process running execution {@code id}, once its package has started. */
  private ProcessHandle childOf(long id) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> messages(id).stream().anyMatch(m -> m.contains("Wait")));
    // The package's program is the only sleep this JVM started; its parent runs the package.
    Optional<ProcessHandle> child =
        ProcessHandle.current()
            .descendants()
            .filter(p -> p.info().command().orElse("").endsWith("/sleep"))
            .findFirst()
            .flatMap(ProcessHandle::parent);
    assertThat(child).as("a child process runs the package").isPresent();
    assertThat(child.get().pid()).isNotEqualTo(ProcessHandle.current().pid());
    return child.get();
  }

  private long started(String pkg) {
    long id =
        cluster.catalog().executions().create(CreateExecution.of("F", "C", pkg).inScaleOut(false));
    cluster.catalog().executions().setParameterValue(id, 20, "Secret", "s3cret!");
    cluster.catalog().executions().start(id, 0);
    return id;
  }

  private long changedTo(long id, String variable) {
    Pattern changed = Pattern.compile(Pattern.quote(variable) + " changed to (\\d+)");
    for (String m : messages(id)) {
      Matcher matcher = changed.matcher(m);
      if (matcher.find()) {
        return Long.parseLong(matcher.group(1));
      }
    }
    throw new AssertionError(variable + " never changed: " + messages(id));
  }

  private OperationStatus state(long id) {
    return cluster.catalog().executions().get(id).state();
  }

  private List<String> messages(long id) {
    return cluster.catalog().messages().ofExecution(id, MessageQuery.all()).stream()
        .map(m -> m.messageSourceName() + ": " + m.message())
        .toList();
  }

  /**
   * Parent: a program says its parent's process id. Secret: a sensitive parameter reaches a
   * program, and another fails saying it (its stderr is in the task's error). Long: a program that
   * sleeps a minute.
   */
  private static byte[] project() {
    return ProjectFiles.of(
            Map.of(
                "project.yaml",
                bytes(
                    """
                    name: C
                    parameters:
                      - {name: Secret, type: String, sensitive: true, required: true}
                    """),
                "packages/Parent.yaml",
                bytes(
                    """
                    variables:
                      - {name: Parent, type: String, value: "", raiseChangedEvent: true}
                    tasks:
                      - name: Say parent
                        type: ExecuteProcess
                        executable: /bin/sh
                        arguments: '-c "printf %s $PPID"'
                        standardOutputVariable: User::Parent
                    """),
                "packages/Secret.yaml",
                bytes(
                    """
                    variables:
                      - {name: Seen, type: String, value: "", raiseChangedEvent: true}
                    tasks:
                      - name: Measure secret
                        type: ExecuteProcess
                        executable: /bin/sh
                        arguments: '-c "printf length-; wc -c"'
                        standardInputVariable: $Project::Secret
                        standardOutputVariable: User::Seen
                      - name: Echo secret
                        type: ExecuteProcess
                        executable: /bin/sh
                        arguments: '-c "echo echoed $(cat) >&2; exit 1"'
                        standardInputVariable: $Project::Secret
                    """),
                "packages/Long.yaml",
                bytes(
                    """
                    tasks:
                      - {name: Wait, type: ExecuteProcess, executable: sleep, arguments: "60"}
                    """)))
        .toArchive();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
