package io.sluice.engine.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.Problem;
import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectFormatException;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.runtime.RunResult;
import io.sluice.engine.testing.RecordedEvents;
import io.sluice.engine.testing.TestPluginJars;
import io.sluice.engine.testing.TestRuns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins from a project's lib/ jars: validated from descriptors, loaded and run per project. */
class PluginsTest {

  private static byte[] examples;

  @TempDir Path dir;

  @BeforeAll
  static void build() {
    examples = TestPluginJars.examples();
  }

  @Test
  void theExampleProjectRunsItsPluginTaskSourceAndTransformation() throws Exception {
    Path project = TestPluginJars.demoProject(dir, examples);

    RecordedEvents events = run(ProjectFiles.fromDirectory(project), "main");

    assertThat(events.result.succeeded())
        .as(events.messages(MessageType.ERROR).toString())
        .isTrue();
    // 12 rows, of which "row 10".."row 12" are longer than maxLength 5 and redirected
    assertThat(events.messages(MessageType.INFORMATION))
        .contains("UpperCase changed 9 values", "Greet: Hello from a plugin, 9");
  }

  @Test
  void aMisspeltPluginSettingIsReportedAsForABuiltInType() throws Exception {
    Path project = TestPluginJars.demoProject(dir, examples);
    Path main = project.resolve("packages/main.yaml");
    Files.writeString(
        main,
        Files.readString(main)
            .replace("    greeting: Hello", "    greting: Hello")
            .replace("column: Name, into", "colum: Name, into")
            .replace("type: Greet\n", "type: Greet\n    maximumErrorCont: 1\n"));

    List<String> problems = problems(ProjectFiles.fromDirectory(project));

    assertThat(problems)
        .anySatisfy(p -> assertThat(p).contains("unknown key 'greting'").contains("greeting"))
        .anySatisfy(p -> assertThat(p).contains("'greeting' is required in a Greet task"))
        .anySatisfy(p -> assertThat(p).contains("unknown setting 'colum'").contains("column"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("unknown key 'maximumErrorCont'")
                    .contains("maximumErrorCount"));
    // the same words as for a built-in type's misspelt key
    String builtIn =
        problems(
                ProjectFiles.of(
                    Map.of(
                        "project.yaml",
                        bytes("name: p\n"),
                        "packages/main.yaml",
                        bytes(
                            "tasks:\n  - {name: T, type: Expression, expresion: '1', expression:"
                                + " '1'}\n"))))
            .get(0);
    assertThat(builtIn).contains("unknown key 'expresion'");
  }

  @Test
  void aPluginTypeWithoutItsJarIsAnUnknownType() {
    List<String> problems =
        problems(
            ProjectFiles.of(
                Map.of(
                    "project.yaml",
                    bytes("name: p\n"),
                    "packages/main.yaml",
                    bytes("tasks:\n  - {name: T, type: Greet, greeting: hi, variable: x}\n"))));

    assertThat(problems).anySatisfy(p -> assertThat(p).contains("unknown task type 'Greet'"));
  }

  @Test
  void validatingReadsTheDescriptorAndNeverLoadsThePluginRunningDoes() throws Exception {
    Path marker = dir.resolve("static-initialiser-ran");
    Map<String, byte[]> files = new HashMap<>();
    files.put("project.yaml", bytes("name: marked\n"));
    files.put("packages/main.yaml", bytes("tasks:\n  - {name: M, type: Marker, note: hi}\n"));
    files.put("lib/marker.jar", TestPluginJars.markerTask(marker));

    Project parsed = ProjectParser.parse(ProjectFiles.of(files));

    assertThat(parsed.packages()).hasSize(1);
    assertThat(marker).doesNotExist();
    assertThat(run(ProjectFiles.of(files), "main").result.succeeded()).isTrue();
    assertThat(marker).exists();
  }

  @Test
  void twoProjectsRunTwoVersionsOfOnePluginSideBySide() throws Exception {
    ProjectFiles one = versionProject("one", "1.0");
    ProjectFiles two = versionProject("two", "2.0");

    CompletableFuture<RecordedEvents> first = CompletableFuture.supplyAsync(() -> run(one, "main"));
    CompletableFuture<RecordedEvents> second =
        CompletableFuture.supplyAsync(() -> run(two, "main"));

    assertThat(first.get().messages(MessageType.INFORMATION)).contains("plugin version 1.0");
    assertThat(second.get().messages(MessageType.INFORMATION)).contains("plugin version 2.0");
    assertThat(run(one, "main").messages(MessageType.INFORMATION))
        .contains("plugin version 1.0")
        .doesNotContain("plugin version 2.0");
  }

  @Test
  void aStoppedExecutionInterruptsAPluginTaskThatNeverChecks() {
    ProjectFiles files =
        ProjectFiles.of(
            Map.of(
                "project.yaml",
                bytes("name: sleepy\n"),
                "packages/main.yaml",
                bytes("tasks:\n  - {name: Nap, type: Sleep}\n"),
                "lib/sleep.jar",
                TestPluginJars.sleepTask()));
    RecordedEvents events = TestRuns.runStoppingOn(files, dir.resolve("jars"), "sleeping");

    assertThat(events.result.status()).isEqualTo(RunResult.Status.CANCELED);
    assertThat(events.messages(MessageType.INFORMATION)).contains("sleeping");
  }

  @Test
  void theTaskApiReadsAndWritesVariablesRefusesReadOnlyOnesAndMasksSensitiveValues() {
    String secret = "pl4gin-s3cret";
    ProjectFiles files =
        ProjectFiles.of(
            Map.of(
                "project.yaml",
                bytes(
                    "name: probe\nparameters:\n  - {name: Password, type: String, sensitive:"
                        + " true}\nconnections:\n  - {name: Out, type: file, path: /tmp/out.txt}\n"),
                "packages/main.yaml",
                bytes(
                    "parameters:\n  - {name: Region, type: String, default: emea}\n"
                        + "variables:\n  - {name: Count, type: Int32, value: 7}\n"
                        + "tasks:\n  - {name: P, type: Probe, target: Out}\n"),
                "lib/probe.jar",
                TestPluginJars.probeTask()));
    RecordedEvents events =
        TestRuns.run(
            files,
            dir.resolve("jars"),
            "main",
            new ParameterValues(Map.of("Password", secret), Map.of()));

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.messages(MessageType.INFORMATION))
        .contains("count=7", "after=42", "region=emea", "readOnly=true,false", "path=/tmp/out.txt")
        .anySatisfy(
            m -> assertThat(m).startsWith("refused: variable $Package::Region is read-only"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith(
                        "sensitive: accessing the value of sensitive parameter"
                            + " $Project::Password is not allowed here"));
    assertThat(events.messages(MessageType.PROGRESS)).contains("half way");
    assertThat(events.messages(MessageType.WARNING)).contains("leak ********");
    assertThat(events.messages(MessageType.ERROR))
        .anySatisfy(m -> assertThat(m).contains("failing with ********"));
    assertThat(events.events).noneSatisfy(e -> assertThat(e.message()).contains(secret));
  }

  @Test
  void aPluginDestinationSeesEveryRowOfAPluginSourceFromAnotherJar() {
    ProjectFiles files =
        ProjectFiles.of(
            Map.of(
                "project.yaml",
                bytes("name: sums\n"),
                "packages/main.yaml",
                bytes(
                    """
                    variables:
                      - {name: Total, type: Int32, value: 0}
                    tasks:
                      - name: Flow
                        type: DataFlow
                        bufferRows: 7
                        components:
                          - {name: Numbers, type: Numbers, count: 100}
                          - {name: Sum, type: Sum, input: Numbers, column: N, variable: User::Total}
                      - name: Show
                        type: Greet
                        after: [Flow]
                        greeting: total
                        variable: User::Total2
                        countFrom: User::Total
                    """
                        .replace(
                            "variables:\n",
                            "variables:\n  - {name: Total2, type: String, value: ''}\n")),
                "lib/examples.jar",
                examples,
                "lib/sum.jar",
                TestPluginJars.sumDestination()));

    RecordedEvents events = run(files, "main");

    assertThat(events.result.succeeded())
        .as(events.messages(MessageType.ERROR).toString())
        .isTrue();
    assertThat(events.messages(MessageType.INFORMATION))
        .contains("Sum of 100 rows: 5050", "Greet: total, 5050");
  }

  @Test
  void aPluginConnectionTypeIsCheckedFromItsDescriptorAndAcquiredByATask() {
    Map<String, byte[]> files = new HashMap<>();
    files.put(
        "project.yaml",
        bytes(
            "name: greeters\nconnections:\n  - {name: Hi, type: Greeter, prefix: 'hello, ',"
                + " loud: true}\n"));
    files.put(
        "packages/main.yaml", bytes("tasks:\n  - {name: Use, type: UseGreeter, connection: Hi}\n"));
    files.put("lib/greeter.jar", TestPluginJars.greeterConnection());

    RecordedEvents events = run(ProjectFiles.of(files), "main");

    assertThat(events.result.succeeded())
        .as(events.messages(MessageType.ERROR).toString())
        .isTrue();
    assertThat(events.messages(MessageType.INFORMATION)).contains("HELLO, WORLD");

    files.put(
        "project.yaml",
        bytes("name: greeters\nconnections:\n  - {name: Hi, type: Greeter, prefx: 'hello'}\n"));
    assertThat(problems(ProjectFiles.of(files)))
        .anySatisfy(p -> assertThat(p).contains("unknown key 'prefx'").contains("prefix"))
        .anySatisfy(p -> assertThat(p).contains("'prefix' is required in a Greeter connection"));
  }

  @Test
  void aDescriptorThatCannotBeUsedIsReportedNamingItsJar() {
    Map<String, byte[]> files = new HashMap<>();
    files.put("project.yaml", bytes("name: p\n"));
    files.put(
        "packages/main.yaml", bytes("tasks:\n  - {name: T, type: Expression, expression: '1'}\n"));
    files.put(
        "lib/clash.jar",
        TestPluginJars.descriptorOnly(
            "api: 1\ntasks:\n  - {name: ExecuteSql, class: x.Y, settings: []}\n"));
    files.put("lib/future.jar", TestPluginJars.descriptorOnly("api: 2\ntasks: []\n"));
    files.put("lib/broken.jar", TestPluginJars.descriptorOnly("api: 1\ntasks: {a: [\n"));

    assertThat(problems(ProjectFiles.of(files)))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("lib/clash.jar")
                    .contains("plugin task type 'ExecuteSql' has the name of a built-in type"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("lib/future.jar")
                    .contains("written for plugin API 2 and this Sluice has API 1"))
        .anySatisfy(p -> assertThat(p).startsWith("lib/broken.jar").contains("cannot be read"));
  }

  private static ProjectFiles versionProject(String name, String version) {
    return ProjectFiles.of(
        Map.of(
            "project.yaml",
            bytes("name: " + name + "\n"),
            "packages/main.yaml",
            bytes(
                "variables:\n  - {name: V, type: String, value: ''}\n"
                    + "tasks:\n  - {name: Which, type: Version, variable: User::V}\n"),
            "lib/version.jar",
            TestPluginJars.versionTask(version)));
  }

  private RecordedEvents run(ProjectFiles files, String packageName) {
    return TestRuns.run(files, dir.resolve("jars"), packageName, ParameterValues.none());
  }

  private static List<String> problems(ProjectFiles files) {
    try {
      ProjectParser.parse(files);
    } catch (ProjectFormatException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("the project was accepted");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
