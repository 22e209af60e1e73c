package io.sluice.cli.remote;

import static io.sluice.cli.remote.TestCluster.executionId;
import static io.sluice.cli.remote.TestCluster.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.cli.catalog.CliRun.Result;
import io.sluice.engine.testing.TestPluginJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server-mode execution ({@code --no-scale-out}) as a user meets it, through a real master: the
 * master runs its package in a child process, so the project's Script task and its plugin from
 * {@code lib/} load there and never in the master (this JVM, which is also the CLI that deploys):
 * each process that loads the script's class appends its process id to a file, and only the child's
 * is ever in it. A sensitive parameter reaches the script and is masked in its event. A stop
 * request ends a child whose script spins without ever looking at its cancellation.
 */
class ServerModeChildProcessEndToEndTest extends ClusterTest {

  private static final String SECRET = "s3cret-for-the-child";

  @Test
  void theScriptAndThePluginLoadInAChildProcessNeverInTheMaster() throws Exception {
    Path loadedBy = dir.resolve("script-loaded-by");
    Path pluginLoaded = dir.resolve("plugin-loaded");
    Path project =
        project(
            "where",
            """
            tasks:
              - name: Where
                type: Script
                readOnlyVariables: ["$Project::Secret"]
                source: |
                  import io.sluice.api.script.*;

                  public class ScriptMain implements Script {
                    static {
                      try {
                        java.nio.file.Files.writeString(java.nio.file.Path.of("MARKER"),
                            ProcessHandle.current().pid() + "\\n",
                            java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND);
                      } catch (java.io.IOException e) {
                        throw new RuntimeException(e);
                      }
                    }

                    public void main(Dts dts) {
                      dts.events().fireInformation(0, "Where", "pid " + ProcessHandle.current().pid()
                          + ", secret " + dts.variables().sensitiveValue("$Project::Secret"));
                    }
                  }
              - {name: M, type: Marker, note: hi}
            """
                .replace("MARKER", loadedBy.toString()));
    TestPluginJars.writeTo(project, "marker.jar", TestPluginJars.markerTask(pluginLoaded));
    ok(cluster.remote("catalog", "folders", "create", "F"));
    ok(cluster.remote("catalog", "deploy", project.toString(), "--folder", "F"));
    Path secretFile = Files.writeString(dir.resolve("secret.txt"), SECRET + "\n");

    Result run =
        cluster.remote(
            "execute",
            "--folder",
            "F",
            "--project",
            "where",
            "--package",
            "main",
            "--no-scale-out",
            "--param",
            "Secret=@" + secretFile,
            "--wait");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("started on a master").contains("ended: 7 succeeded");
    List<String> loaders = Files.readAllLines(loadedBy);
    assertThat(loaders).as("every process that loaded the script's class").hasSize(1);
    long child = Long.parseLong(loaders.get(0));
    assertThat(child).as("the master's process").isNotEqualTo(ProcessHandle.current().pid());
    assertThat(pluginLoaded).as("the plugin loaded where the package ran").exists();
    String messages = ok(cluster.remote("catalog", "messages", executionId(run.out()))).out();
    assertThat(messages).contains("pid " + child + ", secret ********").doesNotContain(SECRET);
    await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(child).isEmpty());
  }

  @Test
  void aStopRequestEndsTheChildOfAScriptThatNeverLooksAtItsCancellation() throws Exception {
    Path pidFile = dir.resolve("spinner-pid");
    Path project =
        project(
            "spin",
            """
            tasks:
              - name: Spin
                type: Script
                source: |
                  import io.sluice.api.script.*;

                  public class ScriptMain implements Script {
                    public void main(Dts dts) {
                      try {
                        java.nio.file.Files.writeString(java.nio.file.Path.of("PIDFILE"),
                            String.valueOf(ProcessHandle.current().pid()));
                      } catch (java.io.IOException e) {
                        throw new RuntimeException(e);
                      }
                      long n = 0;
                      while (n >= 0) { // neither dts.cancelled() nor an interrupt ends this
                        n = (n + 1) % 1_000_000;
                      }
                    }
                  }
            """
                .replace("PIDFILE", pidFile.toString()));
    ok(cluster.remote("catalog", "folders", "create", "F"));
    ok(cluster.remote("catalog", "deploy", project.toString(), "--folder", "F"));

    String id =
        executionId(
            ok(cluster.remote(
                    "execute",
                    "--folder",
                    "F",
                    "--project",
                    "spin",
                    "--package",
                    "main",
                    "--no-scale-out"))
                .out());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> Files.exists(pidFile) && Files.size(pidFile) > 0);
    long child = Long.parseLong(Files.readString(pidFile).trim());
    assertThat(child).isNotEqualTo(ProcessHandle.current().pid());

    ok(cluster.remote("catalog", "executions", "stop", id));

    await().atMost(Duration.ofSeconds(30)).until(() -> status(Long.parseLong(id)) == 3);
    assertThat(ProcessHandle.of(child)).as("the child was killed").isEmpty();
  }

  private int status(long executionId) {
    return cluster
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select status from execution where execution_id = :id")
                    .bind("id", executionId)
                    .mapTo(Integer.class)
                    .one());
  }

  private Path project(String name, String mainPackage) throws Exception {
    Path project = Files.createDirectories(dir.resolve(name + "/packages"));
    Files.writeString(
        project.resolve("../project.yaml"),
        "name: "
            + name
            + "\nparameters:\n  - {name: Secret, type: String, sensitive: true, required: false}\n");
    Files.writeString(project.resolve("main.yaml"), mainPackage);
    return project.getParent();
  }
}
