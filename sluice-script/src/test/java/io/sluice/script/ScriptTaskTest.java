package io.sluice.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.Problem;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectFormatException;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.project.PropertyOverride;
import io.sluice.engine.project.PropertyOverrideException;
import io.sluice.engine.project.PropertyOverrides;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.runtime.RunResult;
import io.sluice.engine.testing.RecordedEvents;
import io.sluice.engine.testing.TestRuns;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Script task as a package runs it: compiled, given its Dts, checked at validation. */
class ScriptTaskTest {

  @TempDir Path dir;

  @Test
  void aScriptReadsAndWritesItsVariablesRaisesEventsAndUsesConnections() {
    RecordedEvents events =
        run(
            project(
                """
                variables:
                  - {name: Count, type: Int32, value: 41}
                  - {name: Label, type: String, value: ""}
                connections:
                  - {name: Input, type: file, path: /data/in.csv}
                tasks:
                  - name: Port
                    type: Script
                    readOnlyVariables: ["$Package::Region", "System::PackageName"]
                    readWriteVariables: ["User::Count", "User::Label"]
                    source: |
                      import io.sluice.api.script.*;

                      public class ScriptMain implements Script {
                        public void main(Dts dts) {
                          int count = dts.variables().get("User::Count", Integer.class);
                          dts.variables().set("User::Count", count + 1);
                          String region = (String) dts.variables().get("$Package::Region");
                          dts.variables().set("Label", region + "/" + dts.taskName());
                          dts.events().fireInformation(0, "Port", "count was " + count);
                          dts.events().fireWarning(7, "", "region " + region);
                          dts.events().fireProgress("half way", 50, "Port");
                          dts.events().fireInformation(0, "", "input " + dts.connections().path("Input"));
                          dts.events().fireInformation(0, "", "package "
                              + dts.variables().get("System::PackageName") + " cancelled="
                              + dts.cancelled() + " readOnly=" + dts.variables().isReadOnly("User::Count")
                              + "," + dts.variables().isReadOnly("$Package::Region"));
                          dts.taskResult(ScriptResults.SUCCESS);
                        }
                      }
                  - name: Show
                    type: Expression
                    after: [Port]
                    expression: "@[User::Label] = @[User::Label] + \\"#\\" + (DT_WSTR, 10) @[User::Count]"
                """),
            Map.of());

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(events.messages(MessageType.INFORMATION))
        .contains(
            "Port: count was 41",
            "input /data/in.csv",
            "package main cancelled=false readOnly=false,true");
    assertThat(events.messages(MessageType.WARNING)).contains("region emea (code 7)");
    assertThat(events.messages(MessageType.PROGRESS)).contains("Port: half way (50%)");
  }

  @Test
  void aScriptOpensAJdbcConnectionOfThePackage() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      Map<String, byte[]> files =
          project(
              script(
                  "    readWriteVariables: [\"User::Count\"]\n",
                  """
                  try (java.sql.Connection c = dts.connections().openJdbc("Warehouse");
                      java.sql.ResultSet r = c.createStatement().executeQuery("SELECT 6 * 7")) {
                    r.next();
                    dts.variables().set("User::Count", r.getInt(1));
                  }
                  dts.events().fireInformation(0, "", "count " + dts.variables().get("Count")
                      + " from a " + dts.connections().type("Warehouse") + " connection");
                  """));
      files.put(
          "project.yaml",
          bytes(
              "name: scripted\nconnections:\n  - {name: Warehouse, type: jdbc, user: postgres,"
                  + " url: '"
                  + postgres.getJdbcUrl("postgres", "postgres")
                  + "'}\n"));

      RecordedEvents events = run(files, Map.of());

      assertThat(events.result.succeeded()).as(events.all()).isTrue();
      assertThat(events.messages(MessageType.INFORMATION))
          .contains("count 42 from a jdbc connection");
    }
  }

  @Test
  void aScriptUsesAClassOfTheProjectsLibJarsAndNotSluicesOwn() throws Exception {
    ScriptCompiler.Output greeting =
        ScriptCompiler.compile(
            "Greeting.java",
            "package org.example; public class Greeting {"
                + " public static String hello() { return \"hello from lib\"; } }",
            ScriptClassPath.ofLibraries(Map.of()));
    java.io.ByteArrayOutputStream jar = new java.io.ByteArrayOutputStream();
    try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(jar)) {
      out.putNextEntry(new java.util.jar.JarEntry("org/example/Greeting.class"));
      out.write(greeting.classes().get("org.example.Greeting"));
    }
    Map<String, byte[]> files =
        project(script("", "dts.events().fireInformation(0, \"\", org.example.Greeting.hello());"));
    files.put("lib/greeting.jar", jar.toByteArray());

    RecordedEvents events = run(files, Map.of());

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(events.messages(MessageType.INFORMATION)).contains("hello from lib");
    // the engine is on the class path, but not API: a script cannot compile against it
    assertThat(
            problems(
                project(
                    script("", "io.sluice.engine.project.ProjectFiles.of(java.util.Map.of());"))))
        .anySatisfy(p -> assertThat(p).contains("does not compile").contains("io.sluice.engine"));
  }

  @Test
  void aScriptCompilesAgainstALibJarThatSluiceAlsoBundlesAsValidationDid() throws Exception {
    Path driver =
        Path.of(
            org.postgresql.Driver.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    Map<String, byte[]> files =
        project(
            script(
                "",
                "dts.events().fireInformation(0, \"\", org.postgresql.PGConnection.class.getName());"));
    files.put("lib/postgresql.jar", java.nio.file.Files.readAllBytes(driver));

    RecordedEvents events = run(files, Map.of());

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(events.messages(MessageType.INFORMATION)).contains("org.postgresql.PGConnection");
  }

  @Test
  void taskResultFailureFailsTheTask() {
    RecordedEvents events =
        run(
            project(
                script(
                    "",
                    "dts.events().fireError(3, \"Check\", \"no rows\");"
                        + " dts.taskResult(ScriptResults.FAILURE);")),
            Map.of());

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.messages(MessageType.ERROR))
        .contains("Check: no rows (code 3)")
        .anySatisfy(m -> assertThat(m).contains("reported its result as Failure"));
  }

  @Test
  void writingAReadOnlyVariableOrReadingAnUndeclaredOneIsRefusedNamingIt() {
    RecordedEvents written =
        run(
            project(
                script(
                    "    readOnlyVariables: [\"User::Count\"]\n",
                    "dts.variables().set(\"User::Count\", 1);")),
            Map.of());
    RecordedEvents read =
        run(project(script("", "dts.variables().get(\"User::Count\");")), Map.of());

    assertThat(written.result.succeeded()).isFalse();
    assertThat(written.messages(MessageType.ERROR))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "the script writes variable User::Count, which the Script task 'S'"
                            + " declares read-only")
                    .contains(
                        "hint: move User::Count from readOnlyVariables to readWriteVariables"));
    assertThat(read.messages(MessageType.ERROR))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "the script uses variable User::Count, which the Script task 'S'"
                            + " does not declare"));
  }

  @Test
  void aCompileErrorOfInlineSourceIsPlacedAtItsLineInThePackageFile() {
    List<String> problems =
        problems(
            project(
                """
                tasks:
                  - name: S
                    type: Script
                    source: |
                      import io.sluice.api.script.*;
                      public class ScriptMain implements Script {
                        public void main(Dts dts) {
                          int x = "text";
                        }
                      }
                """));

    // line 10 of the file (2 lines of parameters come first), column 19: "text" after 6 spaces
    // of YAML indentation, 4 of Java and "int x = "
    assertThat(problems)
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .startsWith("packages/main.yaml:10:19: the script does not compile:")
                    .contains("Type mismatch: cannot convert from String to int"));
  }

  @Test
  void aCompileErrorOfAScriptFileIsPlacedInThatFile() {
    Map<String, byte[]> files =
        projectWithScriptFile(
            """
            import io.sluice.api.script.*;

            public class ScriptMain implements Script {
              public void main(Dts dts) {
                undefinedCall();
              }
            }
            """);

    assertThat(problems(files))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .startsWith("scripts/S/ScriptMain.java:5:5: the script does not compile:")
                    .contains("undefinedCall()"));
  }

  @Test
  void theLanguageIsJava17LaterFeaturesAreRefused() {
    List<String> problems =
        problems(
            project(
                script(
                    "",
                    """
                    Object o = "x";
                    String s = switch (o) {
                      case String t -> t;
                      default -> "";
                    };
                    """)));

    assertThat(problems)
        .anySatisfy(
            p -> assertThat(p).startsWith("packages/main.yaml:").contains("does not compile"));
  }

  @Test
  void aDeclaredVariableThatDoesNotExistIsRefusedBeforeTheRun() {
    RecordedEvents events =
        run(project(script("    readOnlyVariables: [\"User::Missing\"]\n", "")), Map.of());

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.all())
        .contains("the script declares variable User::Missing, which does not exist");
  }

  @Test
  void aScriptFileRuns() {
    Map<String, byte[]> files =
        projectWithScriptFile(
            """
            import io.sluice.api.script.*;
            import java.util.List;

            public class ScriptMain implements Script {
              record Pair(String a, int b) {}

              public void main(Dts dts) {
                var words = List.of(new Pair("x", 1), new Pair("y", 2)).stream()
                    .map(p -> p.a() + p.b()).toList();
                String text = switch (words.size()) {
                  case 2 -> "two: " + String.join(",", words);
                  default -> "other";
                };
                dts.events().fireInformation(0, "", text);
              }
            }
            """);

    RecordedEvents events = run(files, Map.of());

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(events.messages(MessageType.INFORMATION)).contains("two: x1,y2");
  }

  @Test
  void aStoppedExecutionEndsAnEndlessScriptThatSleeps() {
    assertStopped("while (true) { Thread.sleep(50); }");
  }

  @Test
  void aStoppedExecutionEndsAnEndlessScriptThatChecksInterruption() {
    assertStopped("while (!Thread.interrupted()) { Math.sqrt(2); }");
  }

  @Test
  void aStoppedExecutionEndsABusyScriptThatChecksCancelled() {
    assertStopped("while (!dts.cancelled()) { Math.sqrt(2); }");
  }

  private void assertStopped(String loop) {
    Map<String, byte[]> files =
        project(script("", "dts.events().fireInformation(0, \"\", \"looping\"); " + loop));
    RecordedEvents events =
        TestRuns.runStoppingOn(ProjectFiles.of(files), dir.resolve("jars"), "looping");

    assertThat(events.result.status()).isEqualTo(RunResult.Status.CANCELED);
  }

  @Test
  void aSensitiveValueIsReadOnlyExplicitlyAndMaskedInEventsAndExceptions() {
    String secret = "scr1pt-s3cret";
    Map<String, byte[]> files =
        project(
            script(
                "    readOnlyVariables: [\"$Project::Password\"]\n",
                """
                try {
                  dts.variables().get("$Project::Password");
                } catch (RuntimeException e) {
                  dts.events().fireInformation(0, "", "plain get: " + e.getMessage());
                }
                Object password = dts.variables().sensitiveValue("$Project::Password");
                dts.events().fireWarning(0, "", "leak " + password);
                throw new IllegalStateException("failing with " + password);
                """));
    files.put(
        "project.yaml",
        bytes(
            "name: scripted\nparameters:\n  - {name: Password, type: String, sensitive: true}\n"));

    RecordedEvents events = run(files, Map.of("Password", secret));

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.messages(MessageType.INFORMATION))
        .anySatisfy(
            m -> assertThat(m).startsWith("plain get: accessing the value of sensitive parameter"));
    assertThat(events.messages(MessageType.WARNING)).contains("leak ********");
    assertThat(events.messages(MessageType.ERROR))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("the script failed at ScriptMain.java:")
                    .contains("java.lang.IllegalStateException: failing with ********"));
    assertThat(events.events).noneSatisfy(e -> assertThat(e.message()).contains(secret));
  }

  @Test
  void validatingCompilesButNeverRunsTheScriptRunningDoes() throws Exception {
    Path marker = dir.resolve("static-initialiser-ran");
    Map<String, byte[]> files =
        project(
            """
            tasks:
              - name: S
                type: Script
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
                    public void main(Dts dts) {}
                  }
            """
                .replace("MARKER", marker.toString()));

    ProjectParser.parse(ProjectFiles.of(files));
    assertThat(marker).doesNotExist();

    RecordedEvents events = run(files, Map.of());
    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(marker).exists();
  }

  @Test
  void aScriptIsCompiledOncePerProcessNotPerExecution() {
    Map<String, byte[]> files =
        project(
            script(
                "", "dts.events().fireInformation(0, \"\", \"once " + System.nanoTime() + "\");"));
    run(files, Map.of());
    int after = CompiledScripts.compilations();

    RecordedEvents again = run(files, Map.of());

    assertThat(again.result.succeeded()).isTrue();
    assertThat(CompiledScripts.compilations()).isEqualTo(after);
  }

  @Test
  void aScriptsJavaComesOnlyFromTheDeployedProjectNotFromAnOverrideOrAnExpression() {
    Map<String, byte[]> files = project(script("", ""));
    PropertyOverrides overrides =
        PropertyOverrides.of(
            List.of(
                PropertyOverride.parse(
                    "\\Package\\S.Properties[source];public class ScriptMain {}")));

    assertThatThrownBy(() -> overrides.apply(ProjectParser.parse(ProjectFiles.of(files)), "main"))
        .isInstanceOf(PropertyOverrideException.class)
        .hasMessageContaining(
            "the source of task 'S' (Script) is part of the deployed project and cannot be"
                + " overridden");
    files.put(
        "packages/main.yaml",
        bytes(
            "tasks:\n  - {name: S, type: Script, expressions: {source: '\"class ScriptMain {}\"'}}\n"));
    assertThat(problems(files))
        .anySatisfy(p -> assertThat(p).contains("'source' cannot be set by a property expression"));
  }

  @Test
  void validatingTheSameScriptAgainDoesNotCompileItAgain() {
    Map<String, byte[]> files =
        project(
            script("", "dts.events().fireInformation(0, \"\", \"v" + System.nanoTime() + "\");"));
    ProjectParser.parse(ProjectFiles.of(files));
    int after = CheckedScripts.compilations();

    ProjectParser.parse(ProjectFiles.of(files));

    assertThat(CheckedScripts.compilations()).isEqualTo(after);
  }

  @Test
  void aScriptLongerThanTheLimitIsRefusedWithoutCompiling() {
    Map<String, byte[]> files =
        projectWithScriptFile("// padding\n".repeat(ScriptStructureCheck.MAX_SCRIPT_CHARS / 10));
    int before = CheckedScripts.compilations();

    assertThat(problems(files))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .startsWith("scripts/S/ScriptMain.java:1:1:")
                    .contains("more than the 1048576 a Script task may have"));
    assertThat(CheckedScripts.compilations()).isEqualTo(before);
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * A package with a Script task S declaring {@code declarations}, whose main runs {@code body}.
   */
  private static String script(String declarations, String body) {
    StringBuilder indented = new StringBuilder();
    for (String line : body.split("\n")) {
      indented.append("            ").append(line).append('\n');
    }
    return "variables:\n  - {name: Count, type: Int32, value: 0}\ntasks:\n  - name: S\n    type: Script\n"
        + declarations
        + "    source: |\n"
        + "      import io.sluice.api.script.*;\n"
        + "      public class ScriptMain implements Script {\n"
        + "        public void main(Dts dts) throws Exception {\n"
        + indented
        + "        }\n"
        + "      }\n";
  }

  private static Map<String, byte[]> project(String mainPackage) {
    Map<String, byte[]> files = new HashMap<>();
    files.put("project.yaml", bytes("name: scripted\n"));
    files.put(
        "packages/main.yaml",
        bytes("parameters:\n  - {name: Region, type: String, default: emea}\n" + mainPackage));
    return files;
  }

  /** A project whose Script task S reads {@code script} from scripts/S/ScriptMain.java. */
  private static Map<String, byte[]> projectWithScriptFile(String script) {
    Map<String, byte[]> files =
        project("tasks:\n  - {name: S, type: Script, file: scripts/S/ScriptMain.java}\n");
    files.put("scripts/S/ScriptMain.java", bytes(script));
    return files;
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
