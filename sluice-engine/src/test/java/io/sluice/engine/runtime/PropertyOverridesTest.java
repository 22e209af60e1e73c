package io.sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.Project;
import io.sluice.engine.project.PropertyOverride;
import io.sluice.engine.project.PropertyOverrideException;
import io.sluice.engine.project.PropertyOverrides;
import java.util.List;
import org.junit.jupiter.api.Test;

/** dtexec's /SET and /CONNECTION as the engine applies them, on projects it really runs. */
class PropertyOverridesTest {

  private static final String PACKAGE =
      """
      parameters:
        - name: Factor
          type: Int32
          default: 2
      variables:
        - name: Day
          type: Int32
          value: 1
        - name: Out
          type: Int32
          value: 0
        - name: Computed
          type: Int32
          expression: '@[User::Day] + 100'
      connections:
        - name: Target
          type: jdbc
          url: jdbc:postgresql://localhost:5432/old
        - name: Input
          type: file
          path: /old/input.txt
      tasks:
        - name: Compute
          type: Expression
          expression: '@[User::Out] = @[User::Day] * @[$Package::Factor]'
        - name: Steps
          type: Sequence
          tasks:
            - name: Never
              type: Expression
              expression: '@[User::Out] = -1'
      """;

  private static TestProjects project() {
    return TestProjects.withPackage("load", PACKAGE);
  }

  private static RunResult run(RecordingSink sink, PropertyOverride... overrides) {
    TestProjects p = project();
    return p.runner()
        .run(
            "load",
            ParameterValues.none(),
            PropertyOverrides.of(List.of(overrides)),
            RunOptions.defaults().withLoggingLevel(io.sluice.engine.event.LoggingLevel.VERBOSE),
            sink);
  }

  private static PropertyOverride set(String argument) {
    return PropertyOverride.parse(argument);
  }

  @Test
  void aVariableSetByPathIsWhatTheTaskReads() {
    RecordingSink sink = new RecordingSink();
    RunResult result =
        run(
            sink,
            set("\\Package.Variables[User::Day].Value;5"),
            set("\\Package\\Steps\\Never.Properties[Disable];True"));
    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCESS);
    assertThat(sink.messages(MessageType.INFORMATION)).contains("User::Out = 10");
  }

  @Test
  void everySpellingOfAVariableValueWorksAndTheLastWins() {
    for (String path :
        List.of(
            "\\Package.Variables[User::Day].Properties[Value]",
            "\\package.variables[day].value",
            "\\Package.Variables[Day]")) {
      RecordingSink sink = new RecordingSink();
      run(
          sink,
          set(path + ";3"),
          set(path + "=7"),
          set("\\Package\\Steps\\Never.Properties[Disable];1"));
      assertThat(sink.messages(MessageType.INFORMATION)).as(path).contains("User::Out = 14");
    }
  }

  @Test
  void aPackageParameterIsSetThroughVariablesAsDtexecDoes() {
    RecordingSink sink = new RecordingSink();
    project()
        .runner()
        .run(
            "load",
            ParameterValues.none().withPackage("Factor", 9),
            PropertyOverrides.of(
                List.of(
                    set("\\Package.Variables[$Package::Factor];3"),
                    set("\\Package\\Steps\\Never.Properties[Disable];true"))),
            RunOptions.defaults().withLoggingLevel(io.sluice.engine.event.LoggingLevel.VERBOSE),
            sink);
    assertThat(sink.messages(MessageType.INFORMATION)).contains("User::Out = 3");
  }

  @Test
  void aDisabledTaskDoesNotRun() {
    RecordingSink sink = new RecordingSink();
    run(sink, set("\\Package\\Steps\\Never.Properties[Disable];true"));
    assertThat(sink.messages(MessageType.INFORMATION)).noneMatch(m -> m.contains("= -1"));
    RecordingSink without = new RecordingSink();
    run(without);
    assertThat(without.messages(MessageType.INFORMATION)).contains("User::Out = -1");
  }

  @Test
  void aConnectionStringReplacesTheJdbcUrlOrTheFilePath() {
    Project project = project().parse();
    PropertyOverrides.Applied applied =
        PropertyOverrides.of(
                List.of(
                    PropertyOverride.connection("target", "jdbc:postgresql://newhost/db"),
                    PropertyOverride.connection("Input", "/new/input.txt"),
                    set("\\Package.Connections[Target].Properties[UserName];loader")))
            .apply(project, "load");
    var connections = applied.project().findPackage("load").orElseThrow().connections();
    assertThat(connections.get(0).properties())
        .containsEntry("url", "jdbc:postgresql://newhost/db")
        .containsEntry("user", "loader");
    assertThat(connections.get(1).properties()).containsEntry("path", "/new/input.txt");
    // the model it was given is unchanged
    assertThat(project.findPackage("load").orElseThrow().connections().get(0).properties())
        .containsEntry("url", "jdbc:postgresql://localhost:5432/old");
  }

  @Test
  void aProjectConnectionIsOverriddenForTheWholeProject() {
    Project project =
        TestProjects.project(
                """
                name: test
                connections:
                  - name: Shared
                    type: jdbc
                    url: jdbc:postgresql://old/db
                """)
            .file("packages/load.yaml", PACKAGE)
            .parse();
    Project applied =
        PropertyOverrides.of(List.of(PropertyOverride.connection("Shared", "jdbc:h2:mem:x")))
            .apply(project, "load")
            .project();
    assertThat(applied.connections().get(0).properties()).containsEntry("url", "jdbc:h2:mem:x");
  }

  @Test
  void problemsNameThePathAndWhatIsAccepted() {
    Project project = project().parse();
    assertThatThrownBy(
            () ->
                PropertyOverrides.of(
                        List.of(
                            PropertyOverride.connection("Nope", "jdbc:x:y"),
                            set("\\Package.Variables[User::Day].Value;Monday"),
                            set("\\Package\\Load.Properties[Disable];true"),
                            set("\\Package\\Compute.Properties[Colour];red"),
                            set("\\Package.Parameters[Factor];1"),
                            set("\\Package.Variables[User::Missing].Value;1"),
                            PropertyOverride.connection(
                                "Target", "Data Source=x;Password=hunter22")))
                    .apply(project, "load"))
        .isInstanceOf(PropertyOverrideException.class)
        .satisfies(
            e -> {
              List<String> problems = ((PropertyOverrideException) e).problems();
              assertThat(problems).hasSize(7);
              assertThat(problems.get(0))
                  .contains("\\Package.Connections[Nope]")
                  .contains("its connections: Target, Input");
              assertThat(problems.get(1)).contains("User::Day is Int32").contains("Monday");
              assertThat(problems.get(2)).contains("no task 'Load'").contains("Compute, Steps");
              assertThat(problems.get(3)).contains("no property Colour").contains("expression");
              assertThat(problems.get(4)).contains("\\Package.Variables[$Package::Name]");
              assertThat(problems.get(5)).contains("User::Day, User::Out");
              assertThat(problems.get(6)).contains("JDBC URL").doesNotContain("hunter22");
            });
  }

  /**
   * dtexec's path of a Foreach File enumerator's folder, which Lesson2.dtsx of Microsoft's tutorial
   * keeps as C:\...\Sample Data: {@code \Package\Loop.ForEachEnumerator.Properties[Directory]}.
   */
  @Test
  void aForeachEnumeratorsFolderIsSetByItsSsisPath() {
    Project project =
        TestProjects.withPackage(
                "loop",
                """
                tasks:
                  - name: Foreach File in Folder
                    type: ForeachLoop
                    enumerator: {type: file, folder: 'C:\\Old', files: '*.txt'}
                    tasks:
                      - {name: Each, type: Expression, expression: '@[User::N] = 1'}
                variables:
                  - {name: N, type: Int32, value: 0}
                """)
            .parse();
    PropertyOverrides.Applied applied =
        PropertyOverrides.of(
                List.of(
                    set(
                        "\\Package\\Foreach File in Folder.ForEachEnumerator.Properties[Directory];/data/in"),
                    set(
                        "\\Package\\Foreach File in Folder.ForEachEnumerator.Properties[FileSpec];Currency_*.txt"),
                    set(
                        "\\package\\foreach file in folder.foreachenumerator.properties[Recurse];True")))
            .apply(project, "loop");
    assertThat(applied.project().findPackage("loop").orElseThrow().tasks().get(0).properties())
        .containsEntry(
            "enumerator",
            java.util.Map.of(
                "type",
                "file",
                "folder",
                "/data/in",
                "files",
                "Currency_*.txt",
                "recursive",
                true));

    assertThatThrownBy(
            () ->
                PropertyOverrides.of(
                        List.of(
                            set(
                                "\\Package\\Foreach File in Folder.ForEachEnumerator.Properties[Colour];red")))
                    .apply(project, "loop"))
        .hasMessageContaining("file enumerator of 'Foreach File in Folder' has no property Colour")
        .hasMessageContaining("accepted: Directory, FileSpec, Recurse");
    assertThatThrownBy(
            () ->
                PropertyOverrides.of(
                        List.of(
                            set("\\Package\\Compute.ForEachEnumerator.Properties[Directory];/x")))
                    .apply(project().parse(), "load"))
        .hasMessageContaining("task 'Compute' (Expression) is not a ForeachLoop");
  }

  @Test
  void aBadPathSaysWhatAPathLooksLike() {
    assertThatThrownBy(
            () ->
                PropertyOverrides.of(List.of(set("Package.Variables[User::Day];1")))
                    .apply(project().parse(), "load"))
        .hasMessageContaining("does not start with \\Package");
    assertThatThrownBy(() -> PropertyOverride.parse("\\Package.Variables[User::Day]"))
        .hasMessageContaining("PROPERTY_PATH;VALUE");
  }

  @Test
  void theArgumentSplitsAtTheFirstSeparatorOutsideBrackets() {
    PropertyOverride o =
        PropertyOverride.parse("$Sensitive::\\Package.Variables[a=b;c].Value;x=1;y");
    assertThat(o.path()).isEqualTo("\\Package.Variables[a=b;c].Value");
    assertThat(o.value()).isEqualTo("x=1;y");
    assertThat(o.sensitive()).isTrue();
    assertThat(o.toString()).doesNotContain("x=1");
  }

  @Test
  void anExpressionStillWinsAndTheRunSaysSo() {
    RecordingSink sink = new RecordingSink();
    run(
        sink,
        set("\\Package.Variables[User::Computed].Value;1"),
        set("\\Package\\Steps\\Never.Properties[Disable];true"));
    assertThat(sink.messages(MessageType.WARNING))
        .anyMatch(m -> m.contains("User::Computed is computed by its expression"));
  }

  @Test
  void aPropertyExpressionOnAConnectionOrTaskSettingWinsAndTheNotesSaySo() {
    Project project =
        TestProjects.withPackage(
                "load",
                """
                connections:
                  - name: Input
                    type: file
                    path: /old/input.txt
                    expressions: {path: '"/computed/input.txt"'}
                tasks:
                  - name: Compute
                    type: Expression
                    expression: '1 == 1'
                    expressions: {expression: '"2 == 2"'}
                """)
            .parse();

    PropertyOverrides.Applied applied =
        PropertyOverrides.of(
                List.of(
                    PropertyOverride.connection("Input", "/new/input.txt"),
                    set("\\Package\\Compute.Properties[Expression];3 == 3")))
            .apply(project, "load");

    assertThat(applied.notes())
        .containsExactly(
            "connection 'Input' computes 'path' with a property expression, which replaces the"
                + " value of \\Package.Connections[Input].Properties[ConnectionString] when the"
                + " connection is used (as in SSIS)",
            "task Compute computes 'expression' with a property expression, which replaces the"
                + " value of \\Package\\Compute.Properties[Expression] (as in SSIS)");
  }

  @Test
  void passwordsInAConnectionStringAreMaskedButTheServerStaysReadable() {
    String pkg =
        """
        connections:
          - name: Db
            type: jdbc
            url: jdbc:postgresql://localhost:5432/old
        tasks:
          - name: Query
            type: ExecuteSql
            connection: Db
            statement: select 1
        """;
    RecordingSink sink = new RecordingSink();
    RunResult result =
        TestProjects.withPackage("q", pkg)
            .runner()
            .run(
                "q",
                ParameterValues.none(),
                PropertyOverrides.of(
                    List.of(
                        PropertyOverride.connection(
                            "Db", "jdbc:postgresql://127.0.0.1:1/db?user=u&password=Sw0rdfish"))),
                RunOptions.defaults(),
                sink);
    assertThat(result.status()).isEqualTo(RunResult.Status.FAILURE);
    List<String> errors = sink.events.stream().map(EngineEvent::message).toList();
    assertThat(errors).noneMatch(m -> m.contains("Sw0rdfish"));
    assertThat(errors).anyMatch(m -> m.contains("127.0.0.1:1/db?user=u&password=********"));
  }

  @Test
  void credentialsAreFoundInEverySpelling() {
    assertThat(PropertyOverrides.credentialsIn("jdbc:postgresql://h/db?password=a1b2&ssl=true"))
        .containsExactly("a1b2");
    assertThat(PropertyOverrides.credentialsIn("Server=x;Uid=me;PWD=p;w")).containsExactly("p");
    assertThat(PropertyOverrides.credentialsIn("jdbc:mysql://me:s3cret@host/db"))
        .containsExactly("s3cret");
    assertThat(PropertyOverrides.credentialsIn("/data/in.txt")).isEmpty();
  }
}
