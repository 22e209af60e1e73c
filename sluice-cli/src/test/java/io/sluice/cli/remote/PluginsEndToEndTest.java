package io.sluice.cli.remote;

import static io.sluice.cli.remote.TestCluster.executionId;
import static io.sluice.cli.remote.TestCluster.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.catalog.CliRun;
import io.sluice.cli.catalog.CliRun.Result;
import io.sluice.engine.testing.TestPluginJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Plugins as a user meets them: examples/plugins/plugin-demo with the example plugins in lib/ (the
 * jar examples/plugins/pom.xml builds, descriptor and all, as a plugin author's build makes it),
 * validated and run by the CLI, deployed through a real master and run on a real Scale Out worker;
 * and a plugin whose static initialiser leaves a file, which neither the CLI's validation nor the
 * master's deploy ever runs, while the worker that runs it does.
 */
class PluginsEndToEndTest extends ClusterTest {

  /** The jar Maven built from examples/plugins (sluice-cli's pom passes its path). */
  private static byte[] mavenBuiltExamples() throws IOException {
    String jar = System.getProperty("sluice.examplePluginsJar");
    assertThat(jar)
        .as("run through Maven: sluice-cli's pom passes the example plugins' jar")
        .isNotBlank();
    return Files.readAllBytes(Path.of(jar));
  }

  @Test
  void theExampleProjectRunsLocallyAndOnAWorker() throws Exception {
    Path project = TestPluginJars.demoProject(dir, mavenBuiltExamples());

    Result validated = CliRun.run("project", "validate", project.toString());
    assertThat(validated.exitCode()).as(validated.out() + validated.err()).isZero();
    Result local = CliRun.run("run", project.toString(), "--package", "main");
    assertThat(local.exitCode()).as(local.out() + local.err()).isZero();
    assertThat(local.out() + local.err())
        .contains("UpperCase changed 9 values")
        .contains("Greet: Hello from a plugin, 9");

    ok(cluster.remote("catalog", "folders", "create", "F"));
    ok(cluster.remote("catalog", "deploy", project.toString(), "--folder", "F"));
    cluster.startWorker();
    Result run =
        cluster.remote(
            "execute", "--folder", "F", "--project", "plugin-demo", "--package", "main", "--wait");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("started in scale out").contains("ended: 7 succeeded");
    Result messages = cluster.remote("catalog", "messages", executionId(run.out()));
    assertThat(messages.out())
        .contains("UpperCase changed 9 values")
        .contains("Greet: Hello from a plugin, 9");
  }

  @Test
  void aMisspeltPluginSettingIsRefusedByValidateAndDeployLikeABuiltInOne() throws Exception {
    Path project = TestPluginJars.demoProject(dir, mavenBuiltExamples());
    Path main = project.resolve("packages/main.yaml");
    Files.writeString(
        main, Files.readString(main).replace("column: Name, into", "colum: Name, into"));

    for (Result r : cluster.validateAndDeploy(project)) {
      assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
      assertThat(r.err())
          .contains("packages/main.yaml")
          .contains("component 'Shout' (UpperCase): unknown setting 'colum'")
          .contains("column");
    }
  }

  @Test
  void theCliAndTheMasterNeverLoadAPluginTheWorkerDoes() throws Exception {
    Path marker = dir.resolve("static-initialiser-ran");
    Path project = Files.createDirectories(dir.resolve("marked/packages"));
    Files.writeString(project.resolve("../project.yaml"), "name: marked\n");
    Files.writeString(
        project.resolve("main.yaml"), "tasks:\n  - {name: M, type: Marker, note: hi}\n");
    TestPluginJars.writeTo(project.getParent(), "marker.jar", TestPluginJars.markerTask(marker));

    ok(CliRun.run("project", "validate", project.getParent().toString()));
    ok(CliRun.run("project", "pack", project.getParent().toString(), "--output", dir.toString()));
    ok(cluster.remote("catalog", "folders", "create", "F"));
    ok(cluster.remote("catalog", "deploy", project.getParent().toString(), "--folder", "F"));
    assertThat(marker).as("validated, packed and deployed without loading").doesNotExist();

    cluster.startWorker();
    Result run =
        cluster.remote(
            "execute", "--folder", "F", "--project", "marked", "--package", "main", "--wait");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(marker).as("the worker loaded and ran it").exists();
  }
}
