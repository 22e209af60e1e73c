package io.sluice.engine.project;

import static io.sluice.engine.project.ProjectFixtures.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@link ProjectWriter} writes reads back into the same model, looks as the format's docs
 * write it, and passes the parser's validation.
 */
class ProjectWriterTest {

  /** Text that YAML reads as something else, or that needs quoting or escaping to stay itself. */
  private static final List<String> TRICKY_TEXT =
      List.of(
          "007",
          "1e3",
          "1_000",
          "0x1F",
          "1:30",
          ".inf",
          "2024-01-31",
          "true",
          "False",
          "yes",
          "NO",
          "on",
          "null",
          "Null",
          "~",
          "",
          " leading blank",
          "trailing blank ",
          "a: b",
          "a:b",
          "ends with colon:",
          "#not a comment",
          "a #not a comment",
          "@[User::Count] > 0",
          "- item",
          "-",
          "?",
          "[a, b]",
          "{a: b}",
          "*alias",
          "&anchor",
          "!tag",
          "|",
          ">",
          "%",
          "`",
          "---",
          "...",
          "<<",
          "it's",
          "say \"hi\"",
          "C:\\data\\in",
          "\\t",
          "\"@[User::Dir]\" + \"\\\\\" + 'x'",
          "tab\there",
          "Zürich – 東京 – 😀",
          "nbsp\u00a0here",
          "line\u2028separator");

  // --- round trips over every project the repository has ---

  static Stream<Path> examples() throws IOException {
    return ExamplesTest.examples();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleReadsBackTheSame(Path example) {
    assertRoundTrip(ProjectFiles.fromDirectory(example));
  }

  @Test
  void theParserFixtureWithEveryKeyReadsBackTheSame() {
    assertRoundTrip(
        files(
            "project.yaml",
            ProjectParserHappyPathTest.PROJECT_YAML,
            "packages/main.yaml",
            ProjectParserHappyPathTest.MAIN_YAML,
            "packages/child.yml",
            ProjectParserHappyPathTest.CHILD_YAML,
            "sql/create.sql",
            "CREATE TABLE t (d date);"));
  }

  @Test
  void theSmallestPackageReadsBackTheSame() {
    assertRoundTrip(ProjectFixtures.withPackage(ProjectFixtures.PACKAGE));
  }

  @Test
  void dataFlowComponentsWithColumnListsAndErrorDispositionsReadBackTheSame() {
    Map<String, String> written =
        assertRoundTrip(
            ProjectFixtures.withPackage(
                """
                variables:
                  - {name: Rejected, type: Int32, value: 0}
                  - {name: FirstKey, type: Int32, value: 20050101}
                connections:
                  - name: Rates file
                    type: flatFile
                    file: /in/rates.txt
                    delimiter: '\\t'
                    textQualifier: '"'
                    headerRow: true
                    codePage: 1252
                    columns:
                      - {name: AverageRate, type: DT_R8}
                      - {name: CurrencyID, type: 'DT_WSTR,3'}
                      - {name: CurrencyDate, type: DT_DBTIMESTAMP}
                  - {name: Warehouse, type: jdbc, url: "jdbc:postgresql://db/dw"}
                tasks:
                  - name: Load rates
                    type: DataFlow
                    bufferRows: 5000
                    components:
                      - name: Read
                        type: FlatFileSource
                        connection: Rates file
                        onError: redirect
                        columnErrors: {CurrencyID: fail, AverageRate: ignore}
                        sortedBy: [CurrencyDate]
                      - name: Recent
                        type: JdbcSource
                        connection: Warehouse
                        query: |
                          SELECT currencykey, endofdayrate
                          FROM factcurrencyrate
                          WHERE datekey >= ?
                        parameters: ['@[User::FirstKey]']
                      - name: Compute
                        type: DerivedColumn
                        input: Read
                        columns:
                          - {name: Spread, expression: 'AverageRate - 1'}
                          - name: Label
                            expression: 'CurrencyID + ":" + (DT_WSTR,20)AverageRate'
                            type: 'DT_WSTR,30'
                            onError: redirect
                      - name: Convert
                        type: DataConversion
                        input: Compute
                        conversions:
                          - {input: AverageRate, output: Rate, type: 'DT_NUMERIC,18,4', onError: ignore}
                      - name: Route
                        type: ConditionalSplit
                        input: Convert
                        conditions:
                          - {output: Big, expression: 'Rate > 100'}
                          - {output: Euro, expression: 'CurrencyID == "EUR"'}
                        defaultOutput: Other
                      - name: All
                        type: UnionAll
                        inputs: [{from: Route, output: Big}, {from: Route, output: Euro}, {from: Route, output: Other}]
                      - name: Currency
                        type: Lookup
                        input: All
                        connection: Warehouse
                        query: SELECT currencykey, currencyalternatekey FROM dimcurrency
                        joins: {CurrencyID: currencyalternatekey}
                        columns: [{reference: currencykey, output: CurrencyKey}]
                        noMatch: redirect
                      - name: Count rejects
                        type: RowCount
                        input: {from: Currency, output: NoMatch}
                        variable: User::Rejected
                      - {name: Drop, type: DiscardDestination, input: Count rejects}
                      - name: Write
                        type: JdbcDestination
                        input: {from: Currency, output: Match}
                        connection: Warehouse
                        table: factcurrencyrate
                        onError: redirect
                      - {name: Errors, type: DiscardDestination, input: {from: Write, output: Error}}
                      - {name: Compute errors, type: DiscardDestination, input: {from: Compute, output: Error}}
                      - {name: Recent rows, type: DiscardDestination, input: Recent}
                """));

    String pkg = written.get("packages/p.yaml");
    assertThat(pkg)
        .contains(
            "        query: |\n"
                + "          SELECT currencykey, endofdayrate\n"
                + "          FROM factcurrencyrate\n"
                + "          WHERE datekey >= ?\n")
        .contains("      - {name: CurrencyID, type: 'DT_WSTR,3'}\n")
        .contains("        columnErrors: {CurrencyID: fail, AverageRate: ignore}\n")
        .contains("        noMatch: redirect\n");
  }

  @Test
  void containersEventHandlersAndConstraintsReadBackTheSame() {
    Map<String, String> written =
        assertRoundTrip(
            ProjectFixtures.withPackage(
                """
                variables:
                  - {name: Count, type: Int32, value: 0}
                  - {name: Error, type: String, value: ""}
                tasks:
                  - name: Start
                    type: Expression
                    expression: "@[User::Count] = 0"
                  - name: Outer group
                    type: Sequence
                    after: Start
                    tasks:
                      - name: Loop
                        type: ForLoop
                        initExpression: "@[User::Count] = 0"
                        evalExpression: "@[User::Count] < 3"
                        assignExpression: "@[User::Count] = @[User::Count] + 1"
                        tasks:
                          - name: Step
                            type: Expression
                            expression: "@[User::Error] = \\"step \\" + (DT_WSTR, 4) @[User::Count]"
                            eventHandlers:
                              OnError:
                                - name: Keep error
                                  type: Expression
                                  expression: "@[User::Error] = @[System::ErrorDescription]"
                      - name: Inner empty
                        type: Sequence
                        after:
                          - task: Loop
                            on: completion
                  - name: Finish
                    type: Expression
                    after:
                      - task: Outer group
                        on: failure
                      - task: Start
                        expression: '@[User::Error] != ""'
                    afterMode: any
                    disabled: true
                    expression: "@[User::Count] = -1"
                  - name: Both done
                    type: Expression
                    after: [Start, Outer group]
                    expression: "@[User::Count] = 1"
                eventHandlers:
                  OnPreExecute:
                    - {name: Note start, type: Expression, expression: "@[User::Count] = 0"}
                  OnError:
                    - name: Note error
                      type: Expression
                      expression: "@[User::Error] = @[System::ErrorDescription]"
                """));

    String pkg = written.get("packages/p.yaml");
    assertThat(pkg)
        .contains("    after: Start\n")
        .contains("    after: [Start, Outer group]\n")
        .contains("      - task: Outer group\n        on: failure\n")
        .contains("      - task: Start\n        expression: '@[User::Error] != \"\"'\n")
        .contains("    afterMode: any\n")
        .contains("    disabled: true\n")
        .contains("\neventHandlers:\n  OnPreExecute:\n");
  }

  // --- values that are easy to get wrong ---

  @Test
  void settingValuesOfEveryKindReadBackTheSame() {
    Map<String, String> written =
        assertRoundTrip(
            files(
                "project.yaml",
                """
                name: kinds
                connections:
                  - name: Db
                    type: jdbc
                    url: jdbc:postgresql://db/x
                    properties:
                      ssl: true
                      ratio: 1.5
                      tiny: 1.0e-7
                      thousand: 1e3
                      big: 123456789012345678901234567890
                      negative: -42
                      text: "42"
                      yes: no
                      empty: ""
                      nothing: null
                      list: [1, "2", three, null, 4.5]
                      none: []
                      map: {}
                      "1e3": key that looks like a number
                """,
                "packages/p.yaml",
                ProjectFixtures.PACKAGE));

    assertThat(written.get("project.yaml"))
        .contains("      ratio: 1.5\n")
        .contains("      big: 123456789012345678901234567890\n")
        .contains("      text: \"42\"\n")
        .contains("      yes: \"no\"\n")
        .contains("      nothing: null\n")
        .contains("      list: [1, \"2\", three, null, 4.5]\n")
        .contains("      none: []\n")
        .contains("      \"1e3\": key that looks like a number\n");
  }

  @Test
  void textThatYamlWouldReadAsSomethingElseComesBackAsTheSameText() {
    List<VariableDefinition> variables = new ArrayList<>();
    List<ParameterDefinition> parameters = new ArrayList<>();
    List<TaskDefinition> tasks = new ArrayList<>();
    for (int i = 0; i < TRICKY_TEXT.size(); i++) {
      String text = TRICKY_TEXT.get(i);
      variables.add(
          new VariableDefinition("User", "V" + i, "String", text, null, false, false, text, null));
      parameters.add(
          new ParameterDefinition("P" + i, ParameterType.STRING, false, false, text, text));
      tasks.add(
          task(
              "Task " + i,
              "ExecuteProcess",
              text,
              List.of(
                  new TaskDefinition.Constraint(
                      i == 0 ? "Anchor" : "Task " + (i - 1),
                      TaskDefinition.Outcome.SUCCESS,
                      text.isEmpty() ? null : text,
                      null)),
              text.isEmpty() ? Map.of() : Map.of("arguments", text), // an empty one is refused
              props("executable", "/bin/true", "arguments", text, "workingDirectory", text)));
    }
    tasks.add(0, task("Anchor", "Sequence", null, List.of(), Map.of(), Map.of()));
    Project project = project(packageOf("p", parameters, variables, tasks));

    Project read = ProjectParser.parse(ProjectWriter.write(project));

    PackageDefinition pkg = read.packages().get(0);
    for (int i = 0; i < TRICKY_TEXT.size(); i++) {
      String text = TRICKY_TEXT.get(i);
      assertThat(pkg.variables().get(i).value()).as("variable value %s", text).isEqualTo(text);
      assertThat(pkg.variables().get(i).description()).as("description").isEqualTo(text);
      assertThat(pkg.parameters().get(i).defaultValue()).as("default %s", text).isEqualTo(text);
      TaskDefinition task = pkg.tasks().get(i + 1);
      assertThat(task.description()).as("task description %s", text).isEqualTo(text);
      assertThat(task.properties())
          .as("settings %s", text)
          .containsEntry("arguments", text)
          .containsEntry("workingDirectory", text);
      if (!text.isEmpty()) {
        assertThat(task.expressions()).as("expression %s", text).containsEntry("arguments", text);
      }
      assertThat(task.after().get(0).expression())
          .as("constraint expression %s", text)
          .isEqualTo(text.isEmpty() ? null : text);
    }
  }

  @Test
  void namesWithBlanksDigitsAndUnicodeComeBackTheSame() {
    List<String> names =
        List.of("Load rate files", "007", "true", "yes", "1e3", "null", "~", "a: b", "Zürich 東京");
    List<TaskDefinition> tasks = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      List<TaskDefinition.Constraint> after =
          i == 0
              ? List.of()
              : List.of(
                  new TaskDefinition.Constraint(
                      names.get(i - 1), TaskDefinition.Outcome.SUCCESS, null, null));
      tasks.add(task(names.get(i), "Sequence", null, after, Map.of(), Map.of()));
    }
    Project project = project(packageOf("Load rates (daily)", List.of(), List.of(), tasks));

    ProjectFiles written = ProjectWriter.write(project);
    Project read = ProjectParser.parse(written);

    assertThat(written.all()).containsKey("packages/Load rates (daily).yaml");
    assertThat(read.packages().get(0).name()).isEqualTo("Load rates (daily)");
    assertThat(read.packages().get(0).tasks()).extracting(TaskDefinition::name).isEqualTo(names);
    List<TaskDefinition> readTasks = read.packages().get(0).tasks();
    assertThat(readTasks.subList(1, readTasks.size()))
        .extracting(t -> t.after().get(0).task())
        .isEqualTo(names.subList(0, names.size() - 1));
  }

  @Test
  void numbersStayNumbersAndNumericTextIsQuotedOnlyWhereItIsText() {
    PackageDefinition pkg =
        packageOf(
            "p",
            List.of(
                new ParameterDefinition("Batch", ParameterType.INT32, false, false, "1000", ""),
                new ParameterDefinition("Flag", ParameterType.BOOLEAN, false, false, "True", ""),
                new ParameterDefinition(
                    "Day", ParameterType.DATE_TIME, false, false, "2024-01-31", ""),
                new ParameterDefinition("Code", ParameterType.STRING, false, false, "007", "")),
            List.of(
                new VariableDefinition("User", "Count", "Int32", "0", null, false, false, "", null),
                new VariableDefinition(
                    "User", "Zip", "String", "01234", null, false, false, "", null)),
            List.of(
                task(
                    "Run",
                    "ExecuteProcess",
                    null,
                    List.of(),
                    Map.of(),
                    props(
                        "executable",
                        "/bin/echo",
                        "arguments",
                        "30",
                        "timeout",
                        30L,
                        "successValue",
                        -1L,
                        "failTaskIfReturnCodeIsNotSuccessValue",
                        false))));

    String text = ProjectWriter.packageYaml(pkg);
    Project read = ProjectParser.parse(ProjectWriter.write(project(pkg)));

    assertThat(text)
        .contains("    default: 1000\n")
        .contains("    default: True\n")
        .contains("    default: 2024-01-31\n")
        .contains("    default: \"007\"\n")
        .contains("    value: 0\n")
        .contains("    value: \"01234\"\n")
        .contains("    arguments: \"30\"\n")
        .contains("    timeout: 30\n")
        .contains("    successValue: -1\n")
        .contains("    failTaskIfReturnCodeIsNotSuccessValue: false\n");
    assertThat(read.packages().get(0).tasks().get(0).properties())
        .containsEntry("arguments", "30")
        .containsEntry("timeout", 30L)
        .containsEntry("successValue", -1L)
        .containsEntry("failTaskIfReturnCodeIsNotSuccessValue", false);
  }

  @Test
  void multiLineSqlIsABlockThatKeepsTabsAndTrailingBlanks() {
    String sql = "SELECT a,\n\tb   \nFROM t\t-- note\n\n  WHERE x = 'it''s'\n";
    String noFinalBreak = "UPDATE t\nSET a = 1 ";
    String crLf = "SELECT 1\r\nFROM t\r\n";
    PackageDefinition pkg =
        packageOf(
            "p",
            List.of(),
            List.of(),
            List.of(sqlTask("One", sql), sqlTask("Two", noFinalBreak), sqlTask("Three", crLf)),
            List.of(
                new ConnectionDefinition(
                    "Db", "jdbc", null, props("url", "jdbc:postgresql://db/x"), Map.of(), null)));

    String text = ProjectWriter.packageYaml(pkg);
    Project read = ProjectParser.parse(ProjectWriter.write(project(pkg)));

    assertThat(text)
        .contains(
            "    statement: |\n"
                + "      SELECT a,\n"
                + "      \tb   \n"
                + "      FROM t\t-- note\n"
                + "\n"
                + "        WHERE x = 'it''s'\n")
        .contains("    statement: |-\n      UPDATE t\n      SET a = 1 \n");
    List<TaskDefinition> tasks = read.packages().get(0).tasks();
    assertThat(tasks.get(0).properties()).containsEntry("statement", sql);
    assertThat(tasks.get(1).properties()).containsEntry("statement", noFinalBreak);
    // a CR cannot be said in a block (a YAML reader makes CR LF a LF): it is kept, escaped
    assertThat(tasks.get(2).properties()).containsEntry("statement", crLf);
  }

  @Test
  void blocksWithUnusualStartsAndEndsComeBackExactly() {
    List<String> texts =
        List.of(
            "  indented first line\nsecond\n",
            "\nstarts with a line break\n",
            "ends with two line breaks\n\n",
            "\n",
            "\n\n",
            "a\n   \nb\n",
            "a\n\t\nb",
            "last line blank\n  ",
            "   \nfirst line blank\n",
            "\tfirst line starts with a tab\nx\n",
            "unicode 東京 😀\n\tand a tab\n");
    List<TaskDefinition> tasks = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      tasks.add(sqlTask("T" + i, texts.get(i)));
    }
    ConnectionDefinition db =
        new ConnectionDefinition(
            "Db", "jdbc", null, props("url", "jdbc:postgresql://db/x"), Map.of(), null);
    Project project =
        new Project(
            "blocks",
            "keeps its final line breaks\n\n",
            List.of(new ParameterDefinition("P", ParameterType.STRING, false, false, null, "")),
            List.of(),
            List.of(packageOf("p", List.of(), List.of(), tasks, List.of(db))));

    Project read = ProjectParser.parse(ProjectWriter.write(project));

    assertThat(read.description()).isEqualTo("keeps its final line breaks\n\n");
    assertThat(read.packages().get(0).tasks())
        .extracting(t -> t.properties().get("statement"))
        .isEqualTo(texts);
  }

  @Test
  void expressionsAreKeptExactly() {
    Map<String, String> expressions = new LinkedHashMap<>();
    expressions.put("arguments", "@[User::Dir] + \"\\\\\" + @[User::File] + \".txt\"");
    expressions.put("workingDirectory", "\"C:\\\\data\\\\\" + (DT_WSTR, 10) @[User::Day]");
    expressions.put("description", "'single' + \"double\" + \"\\n\"");
    expressions.put("disabled", "@[User::Day] == 0 ? TRUE : FALSE");
    PackageDefinition pkg =
        packageOf(
            "p",
            List.of(),
            List.of(
                new VariableDefinition("User", "Dir", "String", "", null, false, false, "", null),
                new VariableDefinition("User", "File", "String", "", null, false, false, "", null),
                new VariableDefinition("User", "Day", "Int32", "0", null, false, false, "", null),
                new VariableDefinition(
                    "Audit",
                    "Path",
                    "String",
                    null,
                    "@[User::Dir] + \"\\\\\"",
                    true,
                    false,
                    "",
                    null)),
            List.of(
                task(
                    "Run",
                    "ExecuteProcess",
                    null,
                    List.of(),
                    expressions,
                    props("executable", "/bin/true"))));

    String text = ProjectWriter.packageYaml(pkg);
    Project read = ProjectParser.parse(ProjectWriter.write(project(pkg)));

    assertThat(read.packages().get(0).tasks().get(0).expressions()).isEqualTo(expressions);
    assertThat(read.packages().get(0).variables().get(3).qualifiedName()).isEqualTo("Audit::Path");
    assertThat(read.packages().get(0).variables().get(3).expression())
        .isEqualTo("@[User::Dir] + \"\\\\\"");
    assertThat(text)
        .contains("  - name: Audit::Path\n")
        .contains("      arguments: '@[User::Dir] + \"\\\\\" + @[User::File] + \".txt\"'\n")
        .contains("      disabled: \"@[User::Day] == 0 ? TRUE : FALSE\"\n");
  }

  // --- what a person would write ---

  @Test
  void aPackageReadsAsTheDocsWriteIt() {
    Map<String, List<TaskDefinition>> handlers = new LinkedHashMap<>();
    handlers.put(
        "OnError",
        List.of(
            task(
                "Remember error",
                "Expression",
                null,
                List.of(),
                Map.of(),
                props("expression", "@[User::LastError] = @[System::ErrorDescription]"))));
    PackageDefinition pkg =
        new PackageDefinition(
            "main",
            "Load the rates.",
            false,
            List.of(
                new ParameterDefinition("RateFile", ParameterType.STRING, true, false, null, "")),
            List.of(
                new VariableDefinition(
                    "User", "Count", "Int32", "0", null, false, false, null, null),
                new VariableDefinition(
                    "User", "LastError", "String", "", null, false, false, "", null)),
            List.of(),
            List.of(
                task(
                    "Prepare",
                    "ExecuteSql",
                    "Creates the tables.",
                    List.of(),
                    Map.of(),
                    props(
                        "connection",
                        "Warehouse",
                        "statement",
                        "CREATE TABLE IF NOT EXISTS t (d date);\nDELETE FROM t;\n")),
                task(
                    "Count rows",
                    "ExecuteSql",
                    null,
                    List.of(
                        new TaskDefinition.Constraint(
                            "Prepare", TaskDefinition.Outcome.SUCCESS, null, null)),
                    Map.of(),
                    props(
                        "connection",
                        "Warehouse",
                        "statement",
                        "SELECT COUNT(*) AS n FROM t",
                        "resultSet",
                        "singleRow",
                        "results",
                        props("n", "User::Count"))),
                new TaskDefinition(
                    "Note failure",
                    "Expression",
                    "",
                    false,
                    List.of(
                        new TaskDefinition.Constraint(
                            "Prepare", TaskDefinition.Outcome.FAILURE, null, null),
                        new TaskDefinition.Constraint(
                            "Count rows",
                            TaskDefinition.Outcome.SUCCESS,
                            "@[User::Count] == 0",
                            null)),
                    TaskDefinition.ConstraintMode.ANY,
                    List.of(),
                    Map.of(),
                    Map.of(),
                    props("expression", "@[User::LastError] = \"nothing loaded\""),
                    null)),
            handlers,
            props("maxConcurrentExecutables", 4L),
            null);

    String text = ProjectWriter.packageYaml(pkg);

    assertThat(text)
        .isEqualTo(
            """
            description: Load the rates.
            entryPoint: false
            maxConcurrentExecutables: 4

            parameters:
              - name: RateFile
                type: String
                required: true

            variables:
              - name: Count
                type: Int32
                value: 0
              - name: LastError
                type: String
                value: ""

            tasks:
              - name: Prepare
                type: ExecuteSql
                description: Creates the tables.
                connection: Warehouse
                statement: |
                  CREATE TABLE IF NOT EXISTS t (d date);
                  DELETE FROM t;

              - name: Count rows
                type: ExecuteSql
                after: Prepare
                connection: Warehouse
                statement: SELECT COUNT(*) AS n FROM t
                resultSet: singleRow
                results:
                  n: User::Count

              - name: Note failure
                type: Expression
                after:
                  - task: Prepare
                    on: failure
                  - task: Count rows
                    expression: "@[User::Count] == 0"
                afterMode: any
                expression: '@[User::LastError] = "nothing loaded"'

            eventHandlers:
              OnError:
                - name: Remember error
                  type: Expression
                  expression: "@[User::LastError] = @[System::ErrorDescription]"
            """);
  }

  @Test
  void defaultsAreLeftOut() {
    PackageDefinition pkg =
        new PackageDefinition(
            "p",
            "",
            true,
            List.of(new ParameterDefinition("X", ParameterType.INT32, false, false, null, "")),
            List.of(
                new VariableDefinition("User", "Y", "Object", null, null, false, false, "", null)),
            List.of(),
            List.of(
                new TaskDefinition(
                    "T",
                    "Sequence",
                    "",
                    false,
                    List.of(),
                    TaskDefinition.ConstraintMode.ALL,
                    List.of(),
                    Map.of(),
                    Map.of(),
                    Map.of(),
                    null)),
            Map.of(),
            Map.of(),
            null);

    assertThat(ProjectWriter.packageYaml(pkg))
        .isEqualTo(
            """
            parameters:
              - name: X
                type: Int32

            variables:
              - name: Y
                type: Object

            tasks:
              - name: T
                type: Sequence
            """);
  }

  @Test
  void anEmptyPackageIsWrittenAsOneWithoutTasks() {
    PackageDefinition empty = packageOf("p", List.of(), List.of(), List.of());

    assertThat(ProjectWriter.packageYaml(empty)).isEqualTo("tasks: []\n");
    assertThat(ProjectParser.parse(ProjectWriter.write(project(empty))).packages().get(0).tasks())
        .isEmpty();
  }

  @Test
  void theProjectFileHoldsNameDescriptionParametersAndConnections() {
    Project project =
        new Project(
            "rates",
            "Loads rates.\nSecond line.",
            List.of(new ParameterDefinition("Url", ParameterType.STRING, true, false, null, "")),
            List.of(
                new ConnectionDefinition(
                    "Warehouse",
                    "jdbc",
                    null,
                    props("url", "jdbc:postgresql://db/dw"),
                    Map.of("user", "@[$Project::Url]"),
                    null)),
            List.of(packageOf("p", List.of(), List.of(), List.of())));

    assertThat(ProjectWriter.projectYaml(project))
        .isEqualTo(
            """
            name: rates
            description: |-
              Loads rates.
              Second line.

            parameters:
              - name: Url
                type: String
                required: true

            connections:
              - name: Warehouse
                type: jdbc
                url: jdbc:postgresql://db/dw
                expressions:
                  user: "@[$Project::Url]"
            """);
  }

  // --- what cannot be written ---

  @Test
  void aPackageNameThatCannotBeAFileNameIsRefused() {
    for (String name : List.of("a/b", "a\\b", ".hidden", " ")) {
      assertThatThrownBy(() -> ProjectWriter.packagePath(name))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cannot be a file name");
    }
    assertThat(ProjectWriter.packagePath("Load rates")).isEqualTo("packages/Load rates.yaml");
  }

  @Test
  void aSettingNamedLikeAFieldIsRefused() {
    PackageDefinition pkg =
        packageOf(
            "p",
            List.of(),
            List.of(),
            List.of(task("T", "Sequence", null, List.of(), Map.of(), props("after", "X"))));

    assertThatThrownBy(() -> ProjectWriter.write(project(pkg)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("task 'T' has a setting named 'after'");
  }

  @Test
  void twoPackagesWithTheSameFileAreRefused() {
    Project project =
        new Project(
            "x",
            null,
            List.of(),
            List.of(),
            List.of(
                packageOf("Load", List.of(), List.of(), List.of()),
                packageOf("load", List.of(), List.of(), List.of())));

    assertThatThrownBy(() -> ProjectWriter.write(project))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("package 'load' is in the project twice");
  }

  // --- writing a folder ---

  @Test
  void writesANewFolderThatReadsBackAsTheProject(@TempDir Path temp) {
    Project project = ProjectArchive.load(Path.of("..", "examples", "hello"));
    Path folder = temp.resolve("new/hello");

    ProjectWriter.write(project).writeTo(folder, false);

    assertThat(folder.resolve("project.yaml")).isRegularFile();
    assertThat(folder.resolve("packages/hello.yaml")).isRegularFile();
    assertThat(WithoutLocations.of(ProjectArchive.load(folder)))
        .isEqualTo(WithoutLocations.of(project));
  }

  @Test
  void aFolderThatHoldsFilesIsNotWrittenUnlessAsked(@TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("notes.txt"), "mine");
    ProjectFiles files =
        ProjectWriter.write(ProjectArchive.load(Path.of("..", "examples", "hello")));

    assertThatThrownBy(() -> files.writeTo(folder, false))
        .isInstanceOf(ProjectFormatException.class)
        .hasMessageContaining(folder + ": is not empty")
        .satisfies(
            e ->
                assertThat(((ProjectFormatException) e).hint())
                    .contains("new or empty folder")
                    // sluice import ssis has no option to replace a project: the hint offers none
                    .doesNotContain("replace"));
    assertThat(folder.resolve("project.yaml")).doesNotExist();

    files.writeTo(folder, true);

    assertThat(folder.resolve("project.yaml")).isRegularFile();
    assertThat(folder.resolve("notes.txt")).hasContent("mine");
  }

  @Test
  void replacingAProjectRemovesThePackagesItNoLongerHas(@TempDir Path folder) throws IOException {
    Files.createDirectories(folder.resolve("packages"));
    Files.writeString(folder.resolve("packages/old.yaml"), "tasks: []\n");
    Files.writeString(folder.resolve("packages/README.txt"), "kept");

    ProjectWriter.write(ProjectArchive.load(Path.of("..", "examples", "hello")))
        .writeTo(folder, true);

    assertThat(folder.resolve("packages/old.yaml")).doesNotExist();
    assertThat(folder.resolve("packages/hello.yaml")).isRegularFile();
    assertThat(folder.resolve("packages/README.txt")).hasContent("kept");
  }

  @Test
  void aFolderWithOnlyHiddenEntriesCountsAsEmpty(@TempDir Path folder) throws IOException {
    Files.createDirectories(folder.resolve(".git"));

    ProjectWriter.write(ProjectArchive.load(Path.of("..", "examples", "hello")))
        .writeTo(folder, false);

    assertThat(folder.resolve("project.yaml")).isRegularFile();
  }

  @Test
  void aFileWhereTheFolderShouldBeIsRefused(@TempDir Path temp) throws IOException {
    Path file = Files.writeString(temp.resolve("x"), "");
    ProjectFiles files =
        ProjectWriter.write(ProjectArchive.load(Path.of("..", "examples", "hello")));

    assertThatThrownBy(() -> files.writeTo(file, true))
        .isInstanceOf(ProjectFormatException.class)
        .hasMessageContaining("is a file, not a folder");
  }

  @Test
  void aPathOutsideTheFolderIsNeverWritten(@TempDir Path temp) {
    ProjectFiles files = ProjectFiles.of(Map.of("../escaped.txt", new byte[] {1}));

    assertThatThrownBy(() -> files.writeTo(temp.resolve("p"), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a relative path inside the project folder");
    assertThat(temp.resolve("escaped.txt")).doesNotExist();
    assertThat(temp.resolve("p")).doesNotExist();
  }

  // --- helpers ---

  /**
   * Parses the files, writes the model, parses that, and checks the two models are equal but for
   * source locations, and that writing is stable; returns the written text by path.
   */
  private static Map<String, String> assertRoundTrip(ProjectFiles files) {
    Project first = ProjectParser.parse(files);
    Map<String, byte[]> rewritten = new TreeMap<>(ProjectWriter.write(first).all());
    files
        .all()
        .forEach(
            (path, bytes) -> {
              if (!ProjectFiles.isParsed(path)) {
                rewritten.put(path, bytes); // SQL files, lib/ jars: not in the model
              }
            });
    Project second = ProjectParser.parse(ProjectFiles.of(rewritten));

    assertThat(WithoutLocations.of(second)).isEqualTo(WithoutLocations.of(first));
    Map<String, String> text = text(ProjectWriter.write(first));
    assertThat(text(ProjectWriter.write(second))).isEqualTo(text);
    return text;
  }

  private static Map<String, String> text(ProjectFiles files) {
    Map<String, String> text = new TreeMap<>();
    files.all().forEach((path, bytes) -> text.put(path, new String(bytes, StandardCharsets.UTF_8)));
    return text;
  }

  private static Project project(PackageDefinition pkg) {
    return new Project("demo", null, List.of(), List.of(), List.of(pkg));
  }

  private static PackageDefinition packageOf(
      String name,
      List<ParameterDefinition> parameters,
      List<VariableDefinition> variables,
      List<TaskDefinition> tasks) {
    return packageOf(name, parameters, variables, tasks, List.of());
  }

  private static PackageDefinition packageOf(
      String name,
      List<ParameterDefinition> parameters,
      List<VariableDefinition> variables,
      List<TaskDefinition> tasks,
      List<ConnectionDefinition> connections) {
    return new PackageDefinition(
        name, null, true, parameters, variables, connections, tasks, null, null, null);
  }

  /** A task as an importer builds one: no location, null where nothing is set. */
  private static TaskDefinition task(
      String name,
      String type,
      String description,
      List<TaskDefinition.Constraint> after,
      Map<String, String> expressions,
      Map<String, Object> properties) {
    return new TaskDefinition(
        name, type, description, false, after, null, null, null, expressions, properties, null);
  }

  private static TaskDefinition sqlTask(String name, String statement) {
    return task(
        name,
        "ExecuteSql",
        null,
        List.of(),
        Map.of(),
        props("connection", "Db", "statement", statement));
  }

  /** An ordered map from alternating keys and values. */
  private static Map<String, Object> props(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
