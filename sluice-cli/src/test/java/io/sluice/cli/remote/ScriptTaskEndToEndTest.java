package io.sluice.cli.remote;

import static io.sluice.cli.remote.TestCluster.executionId;
import static io.sluice.cli.remote.TestCluster.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.SluiceCommand;
import io.sluice.cli.catalog.CliRun;
import io.sluice.cli.catalog.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Script task as a user meets it: validated, packed and deployed through a real master without
 * ever running (a script whose static initialiser leaves a file), run by {@code sluice run} and on
 * a real Scale Out worker; a compile error reported by validate and deploy at its line; and {@code
 * sluice run} in a process whose Java runtime has no {@code jdk.compiler} (a JRE, as the release
 * ships on); a Script Component source and transformation the same way.
 */
class ScriptTaskEndToEndTest extends ClusterTest {

  private static final String SCRIPT =
      """
      tasks:
        - name: Stamp
          type: Script
          readWriteVariables: ["User::Note"]
          source: |
            import io.sluice.api.script.*;

            public class ScriptMain implements Script {
              static {
                try {
                  java.nio.file.Files.writeString(java.nio.file.Path.of("MARKER"), "ran");
                } catch (java.io.IOException e) {
                  throw new RuntimeException(e);
                }
              }

              public void main(Dts dts) {
                dts.variables().set("User::Note", "stamped");
                dts.events().fireInformation(0, "Stamp", "script ran; jdk.compiler present: "
                    + ModuleLayer.boot().findModule("jdk.compiler").isPresent());
              }
            }
      variables:
        - {name: Note, type: String, value: ""}
      """;

  @Test
  void validatePackAndDeployCompileButNeverRunTheScriptRunAndAWorkerDo() throws Exception {
    Path marker = dir.resolve("script-ran");
    Path project = project("stamped", SCRIPT.replace("MARKER", marker.toString()));

    ok(CliRun.run("project", "validate", project.toString()));
    ok(CliRun.run("project", "pack", project.toString(), "--output", dir.toString()));
    ok(cluster.remote("catalog", "folders", "create", "F"));
    ok(cluster.remote("catalog", "deploy", project.toString(), "--folder", "F"));
    assertThat(marker).as("validated, packed and deployed without running").doesNotExist();

    Result local = ok(CliRun.run("run", project.toString(), "--package", "main"));
    assertThat(local.out() + local.err()).contains("Stamp: script ran");
    assertThat(marker).as("sluice run ran it").exists();
    Files.delete(marker);

    cluster.startWorker();
    Result run =
        cluster.remote(
            "execute", "--folder", "F", "--project", "stamped", "--package", "main", "--wait");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("started in scale out");
    assertThat(marker).as("the worker ran it").exists();
    Result messages = cluster.remote("catalog", "messages", executionId(run.out()));
    assertThat(messages.out()).contains("Stamp: script ran");
  }

  @Test
  void aScriptComponentIsCheckedWithoutRunningAndRunsLocallyAndOnAWorker() throws Exception {
    Path marker = dir.resolve("component-ran");
    Path project =
        project(
            "flow",
            """
            variables:
              - {name: Rows, type: Int32, value: 0}
              - {name: Total, type: Int32, value: 0}
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
                        @Override
                        public void createNewOutputRows() throws Exception {
                          for (int i = 1; i <= 4; i++) {
                            output0Buffer().addRow();
                            output0Buffer().setInt("N", i);
                          }
                        }
                      }
                  - name: Twice
                    type: ScriptComponent
                    input: Make
                    readWriteVariables: [User::Total]
                    outputColumns: [{name: Twice, type: DT_I4}]
                    source: |
                      import io.sluice.api.script.*;
                      public class ScriptMain extends ScriptComponent {
                        private int total;
                        @Override
                        public void processInputRow(ScriptRow row) {
                          row.setInt("Twice", row.getInt("N") * 2);
                          total += row.getInt("Twice");
                        }
                        @Override
                        public void postExecute() {
                          variables().set("User::Total", total);
                          events().fireInformation(0, "Twice", "total " + total);
                        }
                      }
                  - {name: Count, type: RowCount, input: Twice, variable: User::Rows}
            """
                .replace("MARKER", marker.toString()));

    ok(CliRun.run("project", "validate", project.toString()));
    ok(cluster.remote("catalog", "folders", "create", "F"));
    ok(cluster.remote("catalog", "deploy", project.toString(), "--folder", "F"));
    assertThat(marker).as("validated and deployed without running").doesNotExist();

    Result local = ok(CliRun.run("run", project.toString(), "--package", "main"));
    assertThat(local.out() + local.err()).contains("Twice: total 20"); // 2 + 4 + 6 + 8
    assertThat(marker).as("sluice run ran it").exists();
    Files.delete(marker);

    cluster.startWorker();
    Result run =
        cluster.remote(
            "execute", "--folder", "F", "--project", "flow", "--package", "main", "--wait");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("started in scale out");
    assertThat(marker).as("the worker ran it").exists();
    Result messages = cluster.remote("catalog", "messages", executionId(run.out()));
    assertThat(messages.out()).contains("Twice: total 20");
  }

  @Test
  void anAnnotationProcessorInLibNeverRunsWhereScriptsAreCheckedOrCompiled() throws Exception {
    // the proof: a jar whose static initialiser and annotation processor would write a
    // file; checking (CLI, master) and compiling (worker) the project's scripts never runs it
    Path marker = dir.resolve("processor-ran");
    Path project =
        project(
            "processed",
            """
            variables:
              - {name: Note, type: String, value: ""}
            tasks:
              - name: Note it
                type: Script
                readWriteVariables: ["User::Note"]
                source: |
                  import io.sluice.api.script.*;

                  @Deprecated
                  public class ScriptMain implements Script {
                    @Override
                    public void main(Dts dts) {
                      dts.variables().set("User::Note", "noted");
                    }
                  }
            """);
    io.sluice.engine.testing.TestPluginJars.writeTo(
        project,
        "processor.jar",
        io.sluice.engine.testing.TestPluginJars.annotationProcessor(marker));

    ok(CliRun.run("project", "validate", project.toString()));
    ok(cluster.remote("catalog", "folders", "create", "F"));
    ok(cluster.remote("catalog", "deploy", project.toString(), "--folder", "F"));
    assertThat(marker).as("validated and deployed: no processor ran or loaded").doesNotExist();

    cluster.startWorker();
    Result run =
        cluster.remote(
            "execute", "--folder", "F", "--project", "processed", "--package", "main", "--wait");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(marker).as("compiled and run on a worker: still no processor").doesNotExist();
  }

  @Test
  void aCompileErrorIsRefusedByValidateAndDeployAtItsLine() throws Exception {
    Path project =
        project(
            "broken",
            """
            tasks:
              - name: Broken
                type: Script
                source: |
                  import io.sluice.api.script.*;
                  public class ScriptMain implements Script {
                    public void main(Dts dts) {
                      dts.variables().sett("User::X", 1);
                    }
                  }
            """);

    for (Result r : cluster.validateAndDeploy(project)) {
      assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
      assertThat(r.err())
          .contains("packages/main.yaml:8:27: the script does not compile:")
          .contains("sett");
    }
  }

  @Test
  void sluiceRunCompilesAndRunsAScriptOnARuntimeWithoutJdkCompiler() throws Exception {
    Path marker = dir.resolve("jre-script-ran");
    Path project = project("jre", SCRIPT.replace("MARKER", marker.toString()));
    Path output = dir.resolve("run.out");

    // the modules a JRE of the release has; jdk.compiler and java.compiler are not among them
    Process run =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--limit-modules",
                String.join(
                    ",",
                    "java.base",
                    "java.sql",
                    "java.xml",
                    "java.naming",
                    "java.management",
                    "java.logging",
                    "java.desktop",
                    "java.net.http",
                    "java.security.jgss",
                    "jdk.crypto.ec",
                    "jdk.unsupported",
                    "jdk.zipfs"),
                "-Duser.home=" + dir,
                "-cp",
                System.getProperty("java.class.path"),
                SluiceCommand.class.getName(),
                "run",
                project.toString(),
                "--package",
                "main")
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();

    assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(output);
    assertThat(run.exitValue()).as(out).isZero();
    assertThat(out).contains("Stamp: script ran; jdk.compiler present: false");
    assertThat(marker).exists();
  }

  private Path project(String name, String mainPackage) throws Exception {
    Path project = Files.createDirectories(dir.resolve(name + "/packages"));
    Files.writeString(project.resolve("../project.yaml"), "name: " + name + "\n");
    Files.writeString(project.resolve("main.yaml"), mainPackage);
    return project.getParent();
  }
}
