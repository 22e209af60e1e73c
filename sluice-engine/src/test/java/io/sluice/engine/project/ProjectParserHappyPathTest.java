package io.sluice.engine.project;

import static io.sluice.engine.project.ProjectFixtures.files;
import static io.sluice.engine.project.ProjectFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A project using every key of the format reads into the model as written. */
class ProjectParserHappyPathTest {

  static final String PROJECT_YAML =
      """
      name: Rates
      description: Every key at once.
      parameters:
        - name: DataFolder
          type: String
          default: /data
          description: where the files are
        - name: Password
          type: string
          sensitive: true
        - name: Batch
          type: Int32
          required: true
          default: 100
      connections:
        - name: Warehouse
          type: jdbc
          description: the warehouse
          url: jdbc:postgresql://db/warehouse
          user: etl
          properties:
            ssl: true
          expressions:
            password: "@[$Project::Password]"
      """;

  static final String MAIN_YAML =
      """
      name: main
      description: The entry point.
      entryPoint: true
      maxConcurrentExecutables: 4
      maximumErrorCount: 2
      forceExecutionResult: none
      parameters:
        - name: Day
          type: DateTime
          default: 2024-01-31
      variables:
        - name: Count
          type: Int32
          value: 0
        - name: Audit::Started
          type: DateTime
          expression: GETDATE()
          readOnly: true
          description: in its own namespace
        - name: Rows
          type: Object
        - name: Flag
          type: Char
          value: Y
      connections:
        - name: Log folder
          type: file
          path: /var/log/rates
          usage: existingFolder
        - name: Rates file
          type: flatFile
          file: rates.txt
          delimiter: "\\t"
          headerRow: false
          headerRowsToSkip: 0
          codePage: 1252
          columns:
            - {name: Rate, type: DT_R8}
            - {name: Code, type: 'DT_WSTR,3'}
            - {name: Day, type: DT_DBTIMESTAMP}
          expressions:
            file: "@[$Project::DataFolder] + \\"/rates.txt\\""
      tasks:
        - name: Prepare
          type: ExecuteSql
          description: creates tables
          connection: Warehouse
          file: sql/create.sql
          timeout: 30
          maximumErrorCount: 1
          forceExecutionResult: success
          failPackageOnFailure: true
          failParentOnFailure: false
        - name: Count
          type: ExecuteSql
          after: Prepare
          connection: Warehouse
          statement: SELECT COUNT(*) AS n FROM t WHERE d = ?
          parameters:
            - {variable: $Package::Day, direction: input, type: DT_DBDATE}
          resultSet: singleRow
          results:
            n: User::Count
          expressions:
            disabled: "@[$Project::Batch] == 0"
        - name: Load
          type: DataFlow
          after:
            - task: Count
              on: success
              expression: "@[User::Count] == 0"
          bufferRows: 10000
          buffersPerPath: 2
          memoryBudgetMb: 64
          delayValidation: true
          components:
            - name: Read
              type: FlatFileSource
              connection: Rates file
            - name: Currency
              type: Lookup
              input: Read
              connection: Warehouse
              table: DimCurrency
              joins: {Code: CurrencyAlternateKey}
              columns: [{reference: CurrencyKey, output: CurrencyKey}]
              noMatch: redirect
            - name: Split
              type: ConditionalSplit
              input: {from: Currency, output: Match}
              conditions:
                - {output: Big, expression: "Rate > 100"}
              defaultOutput: Small
            - name: Both
              type: UnionAll
              inputs: [{from: Split, output: Big}, {from: Split, output: Small}]
            - name: Rejects
              type: RowCount
              input: {from: Currency, output: NoMatch}
              variable: User::Count
            - name: Write
              type: JdbcDestination
              input: Both
              connection: Warehouse
              table: FactCurrencyRate
              onError: redirect
            - name: Errors
              type: DiscardDestination
              input: {from: Write, output: Error}
        - name: Archive
          type: FileSystem
          after: [{task: Load, on: completion}]
          operation: moveFile
          source: /in/rates.txt
          destinationConnection: Log folder
          overwrite: true
        - name: Files
          type: ForeachLoop
          after: Load
          afterMode: any
          disabled: true
          enumerator: {type: file, folder: /in, files: "*.txt", recursive: false}
          variableMappings: {User::Count: 0}
          tasks:
            - name: Child
              type: ExecutePackage
              package: child
              parameters: {Input: User::Count}
        - name: Loop
          type: ForLoop
          after: [{task: Load, on: failure}]
          initExpression: "@[User::Count] = 0"
          evalExpression: "@[User::Count] < 3"
          assignExpression: "@[User::Count] = @[User::Count] + 1"
          tasks:
            - name: Run
              type: ExecuteProcess
              executable: /bin/true
              arguments: --quiet
              workingDirectory: /tmp
              successValue: 0
              timeout: 10
              standardOutputVariable: User::Flag
        - name: Group
          type: Sequence
          tasks: []
          eventHandlers:
            OnTaskFailed:
              - name: Note
                type: Expression
                expression: "@[User::Count] = -1"
      eventHandlers:
        OnError:
          - name: Remember
            type: Expression
            expression: "@[User::Count] = -1"
      """;

  static final String CHILD_YAML =
      """
      entryPoint: false
      parameters:
        - {name: Input, type: Int32, required: true}
      tasks:
        - name: Echo
          type: Expression
          expression: "@[$Package::Input] > 0"
      """;

  @Test
  void readsEveryKey() {
    Project project =
        parse(
            files(
                "project.yaml",
                PROJECT_YAML,
                "packages/main.yaml",
                MAIN_YAML,
                "packages/child.yml",
                CHILD_YAML,
                "sql/create.sql",
                "CREATE TABLE t (d date);"));

    assertThat(project.name()).isEqualTo("Rates");
    assertThat(project.description()).isEqualTo("Every key at once.");
    assertThat(project.parameters())
        .containsExactly(
            new ParameterDefinition(
                "DataFolder", ParameterType.STRING, false, false, "/data", "where the files are"),
            new ParameterDefinition("Password", ParameterType.STRING, false, true, null, ""),
            new ParameterDefinition("Batch", ParameterType.INT32, true, false, "100", ""));
    ConnectionDefinition warehouse = project.connections().get(0);
    assertThat(warehouse.type()).isEqualTo("jdbc");
    assertThat(warehouse.properties())
        .containsExactly(
            entry("url", "jdbc:postgresql://db/warehouse"),
            entry("user", "etl"),
            entry("properties", Map.of("ssl", true)));
    assertThat(warehouse.expressions()).containsEntry("password", "@[$Project::Password]");
    assertThat(warehouse.location()).isEqualTo(new SourceLocation("project.yaml", 16, 5));

    assertThat(project.packages())
        .extracting(PackageDefinition::name)
        .containsExactly("child", "main");
    PackageDefinition main = project.findPackage("MAIN").orElseThrow();
    assertThat(main.entryPoint()).isTrue();
    assertThat(main.properties())
        .containsExactly(
            entry("maxConcurrentExecutables", 4L),
            entry("maximumErrorCount", 2L),
            entry("forceExecutionResult", "none"));
    assertThat(main.parameters())
        .extracting(ParameterDefinition::defaultValue)
        .containsExactly("2024-01-31");
    assertThat(main.variables())
        .extracting(VariableDefinition::qualifiedName)
        .containsExactly("User::Count", "Audit::Started", "User::Rows", "User::Flag");
    VariableDefinition started = main.variables().get(1);
    assertThat(started.expression()).isEqualTo("GETDATE()");
    assertThat(started.readOnly()).isTrue();
    assertThat(main.variables().get(0).value()).isEqualTo("0");
    assertThat(main.connections())
        .extracting(ConnectionDefinition::name)
        .containsExactly("Log folder", "Rates file");
    assertThat(main.connections().get(1).properties().get("columns")).asList().hasSize(3);

    assertThat(main.tasks())
        .extracting(TaskDefinition::name)
        .containsExactly("Prepare", "Count", "Load", "Archive", "Files", "Loop", "Group");
    TaskDefinition prepare = main.tasks().get(0);
    assertThat(prepare.properties())
        .containsEntry("connection", "Warehouse")
        .containsEntry("file", "sql/create.sql")
        .containsEntry("timeout", 30L)
        .containsEntry("failPackageOnFailure", true);
    assertThat(prepare.location()).isEqualTo(new SourceLocation("packages/main.yaml", 44, 5));
    TaskDefinition count = main.tasks().get(1);
    assertThat(count.after())
        .containsExactly(
            new TaskDefinition.Constraint(
                "Prepare",
                TaskDefinition.Outcome.SUCCESS,
                null,
                new SourceLocation("packages/main.yaml", 56, 12)));
    assertThat(count.expressions()).containsEntry("disabled", "@[$Project::Batch] == 0");
    TaskDefinition load = main.tasks().get(2);
    assertThat(load.after().get(0).expression()).isEqualTo("@[User::Count] == 0");
    assertThat(load.properties().get("components")).asList().hasSize(7);
    assertThat(load.properties())
        .containsEntry("bufferRows", 10000L)
        .containsEntry("delayValidation", true);
    assertThat(main.tasks().get(3).after().get(0).on())
        .isEqualTo(TaskDefinition.Outcome.COMPLETION);
    TaskDefinition files = main.tasks().get(4);
    assertThat(files.disabled()).isTrue();
    assertThat(files.afterMode()).isEqualTo(TaskDefinition.ConstraintMode.ANY);
    assertThat(files.tasks()).extracting(TaskDefinition::type).containsExactly("ExecutePackage");
    assertThat(main.tasks().get(5).after().get(0).on()).isEqualTo(TaskDefinition.Outcome.FAILURE);
    assertThat(main.tasks().get(6).tasks()).isEmpty();
    assertThat(main.tasks().get(6).eventHandlers()).containsOnlyKeys("OnTaskFailed");
    assertThat(main.eventHandlers().get("OnError"))
        .extracting(TaskDefinition::name)
        .containsExactly("Remember");

    PackageDefinition child = project.findPackage("child").orElseThrow();
    assertThat(child.entryPoint()).isFalse();
    assertThat(child.parameters().get(0).required()).isTrue();
  }

  @Test
  void packageNameMayRepeatTheFileName() {
    Project project =
        parse(files("project.yaml", "name: p\n", "packages/load.yaml", "name: load\n" + body()));

    assertThat(project.packages()).extracting(PackageDefinition::name).containsExactly("load");
  }

  @Test
  void aConstraintOnADisabledTaskIsFineAsInSsis() {
    Project project =
        parse(
            ProjectFixtures.withPackage(
                """
                tasks:
                  - {name: Off, type: Expression, expression: "1 == 1", disabled: true}
                  - {name: Next, type: Expression, expression: "1 == 1", after: Off}
                """));

    assertThat(project.packages().get(0).tasks().get(1).after()).hasSize(1);
  }

  @Test
  void yamlValuesAreReadTheYaml12Way() {
    Project project =
        parse(
            ProjectFixtures.withPackage(
                """
                tasks:
                  - name: Copy
                    type: FileSystem
                    operation: copyFile
                    source: "0x1F"
                    destination: NO
                    overwrite: false
                    timeoutIsNotAKey: ignored
                """
                    .replace("    timeoutIsNotAKey: ignored\n", "")));

    Map<String, Object> settings = project.packages().get(0).tasks().get(0).properties();
    assertThat(settings)
        .containsEntry("source", "0x1F")
        .containsEntry("destination", "NO")
        .containsEntry("overwrite", false);
  }

  @Test
  void otherFilesTravelWithTheProjectUnread() {
    Project project =
        parse(
            files(
                "project.yaml",
                "name: p\n",
                "packages/a.yaml",
                body(),
                "README.md",
                "not yaml: [",
                "sql/x.sql",
                "\u00ff"));

    assertThat(project.packages()).hasSize(1);
  }

  @Test
  void aUtf8ByteOrderMarkIsAccepted() {
    Project project = parse(files("project.yaml", "\uFEFFname: p\n", "packages/a.yaml", body()));

    assertThat(project.name()).isEqualTo("p");
  }

  private static String body() {
    return String.join(
        "\n",
        List.of("tasks:", "  - name: t", "    type: Expression", "    expression: \"1 == 1\"", ""));
  }
}
