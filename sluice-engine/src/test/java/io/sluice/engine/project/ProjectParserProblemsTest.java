package io.sluice.engine.project;

import static io.sluice.engine.project.ProjectFixtures.PACKAGE;
import static io.sluice.engine.project.ProjectFixtures.PROJECT;
import static io.sluice.engine.project.ProjectFixtures.files;
import static io.sluice.engine.project.ProjectFixtures.packageProblems;
import static io.sluice.engine.project.ProjectFixtures.problems;
import static io.sluice.engine.project.ProjectFixtures.withPackage;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.testing.TestDriverJars;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of problem, reported with its file, line and column. */
class ProjectParserProblemsTest {

  @Test
  void malformedYamlSyntax() {
    assertThat(packageProblems("tasks:\n  - name: a: b\n"))
        .containsExactly("packages/p.yaml:2:12: YAML syntax: mapping values are not allowed here");
  }

  @Test
  void duplicateYamlKey() {
    assertThat(packageProblems("tasks: []\ntasks: []\n"))
        .containsExactly("packages/p.yaml:2:1: key 'tasks' appears twice");
  }

  @Test
  void unknownKeySuggestsTheIntendedOneAndListsTheKnownOnes() {
    assertThat(packageProblems("descripton: x\n" + PACKAGE))
        .containsExactly(
            "packages/p.yaml:1:1: unknown key 'descripton' in a package; did you mean"
                + " 'description'? Known keys: connections, description, entryPoint,"
                + " eventHandlers, forceExecutionResult, maxConcurrentExecutables,"
                + " maximumErrorCount, name, parameters, tasks, variables");
  }

  @Test
  void unknownTaskSettingSuggestsTheIntendedOne() {
    assertThat(packageProblems("tasks:\n  - {name: A, type: Expression, expresion: x}\n"))
        .containsExactly(
            "packages/p.yaml:2:5: 'expression' is required in an Expression task",
            "packages/p.yaml:2:33: unknown key 'expresion' in an Expression task; did you mean"
                + " 'expression'? Known keys: after, afterMode, description, disabled,"
                + " eventHandlers, expression, expressions, failPackageOnFailure,"
                + " failParentOnFailure, forceExecutionResult, maximumErrorCount, name, tasks,"
                + " type");
  }

  @Test
  void missingRequiredKeys() {
    assertThat(packageProblems("tasks:\n  - name: a\n"))
        .containsExactly("packages/p.yaml:2:5: 'type' is required");
    assertThat(problems(files("project.yaml", "description: x\n", "packages/p.yaml", PACKAGE)))
        .containsExactly("project.yaml:1:1: 'name' is required");
  }

  @Test
  void badValueTypes() {
    assertThat(packageProblems("entryPoint: yes\ntasks: foo\n"))
        .containsExactly(
            "packages/p.yaml:1:13: 'entryPoint' must be true or false, not 'yes'",
            "packages/p.yaml:2:8: 'tasks' must be a list (items starting with '- ')");
    assertThat(packageProblems("- a\n- b\n"))
        .containsExactly(
            "packages/p.yaml:1:1: expected a mapping of keys to values at the top of the file");
  }

  @Test
  void badNamesBreakTheObjectNamesRule() {
    assertThat(
            problems(
                files(
                    "project.yaml",
                    "name: a|b\nparameters:\n  - {name: 1abc, type: String}\n",
                    "packages/p.yaml",
                    "tasks:\n  - {name: \"@x\", type: Expression, expression: x}\n")))
        .containsExactly(
            "packages/p.yaml:2:12: task name \"@x\" starts with '@', which is not allowed",
            "project.yaml:1:7: project name \"a|b\" contains '|'; none of \" < > | are allowed",
            "project.yaml:3:12: project parameter name \"1abc\" is not an identifier: start with a"
                + " letter or '_', then use only letters, digits and '_'");
  }

  @Test
  void namesWithControlOrInvisibleCharactersAreRefusedNamingTheCharacter() {
    // Written as YAML escapes in double quotes: the parser sees the characters themselves.
    assertThat(
            problems(
                files(
                    "project.yaml",
                    "name: \"evil\\u202Etxt.exe\"\n"
                        + "parameters:\n  - {name: \"Batch\\u200BSize\", type: Int32}\n"
                        + "connections:\n  - {name: \"W\\uFEFF\", type: file, path: /x}\n",
                    "packages/p.yaml",
                    "variables:\n  - {name: \"Count\\u2066\", type: Int32}\n"
                        + "tasks:\n  - {name: \"Load\\x07\", type: Expression, expression: x}\n",
                    "packages/main\u200F.yaml",
                    PACKAGE)))
        .containsExactly(
            "packages/main<U+200F>.yaml:1:1: package name 'main<U+200F>' contains U+200F"
                + " RIGHT-TO-LEFT MARK, an invisible character that changes how the name is shown",
            "packages/p.yaml:2:12: variable name 'Count<U+2066>' contains U+2066 LEFT-TO-RIGHT"
                + " ISOLATE, an invisible character that changes how the name is shown",
            "packages/p.yaml:4:12: task name 'Load<U+0007>' contains U+0007 BEL, a control"
                + " character",
            "project.yaml:1:7: project name 'evil<U+202E>txt.exe' contains U+202E RIGHT-TO-LEFT"
                + " OVERRIDE, an invisible character that changes how the name is shown",
            "project.yaml:3:12: project parameter name 'Batch<U+200B>Size' contains U+200B ZERO"
                + " WIDTH SPACE, an invisible character that lets the name pass for another",
            "project.yaml:5:12: connection name 'W<U+FEFF>' contains U+FEFF ZERO WIDTH NO-BREAK"
                + " SPACE, an invisible character that lets the name pass for another");
  }

  @Test
  void componentAndColumnNamesWithInvisibleCharactersAreRefused() {
    assertThat(
            packageProblems(
                """
                connections:
                  - {name: F, type: flatFile, file: f.csv, columns: [{name: "a\\u202E", type: DT_I4}]}
                  - {name: G, type: flatFile, file: g.csv, columns: [{name: b, type: DT_I4}]}
                tasks:
                  - name: DF
                    type: DataFlow
                    components:
                      - {name: "S\\u202Eource", type: FlatFileSource, connection: G}
                  - name: DF2
                    type: DataFlow
                    components:
                      - {name: S, type: FlatFileSource, connection: G}
                      - name: D
                        type: DerivedColumn
                        input: S
                        columns: [{name: "c\\u200D", expression: b + 1}]
                      - {name: X, type: DiscardDestination, input: D}
                """))
        .containsExactly(
            "packages/p.yaml:2:5: column name 'a<U+202E>' contains U+202E RIGHT-TO-LEFT OVERRIDE,"
                + " an invisible character that changes how the name is shown; "
                + ObjectNames.INVISIBLE_HINT,
            "packages/p.yaml:8:9: component #1: component name 'S<U+202E>ource' contains U+202E"
                + " RIGHT-TO-LEFT OVERRIDE, an invisible character that changes how the name is"
                + " shown");
  }

  @Test
  void descriptionsLongerThanSsisKeepsAreRefusedWhereTheyAreWritten() {
    String longText = "x".repeat(ObjectNames.MAX_DESCRIPTION + 1);
    String fits = "y".repeat(ObjectNames.MAX_DESCRIPTION);
    assertThat(
            problems(
                files(
                    "project.yaml",
                    "name: p\ndescription: " + longText + "\n",
                    "packages/p.yaml",
                    "description: "
                        + fits
                        + "\nvariables:\n  - {name: V, type: Int32, description: "
                        + longText
                        + "}\ntasks:\n  - {name: T, type: Expression, expression: x, description: "
                        + longText
                        + "}\n")))
        .containsExactly(
            "packages/p.yaml:3:41: variable description is 1,025 characters long: the limit is"
                + " 1,024, as in SSIS's catalog; "
                + ObjectNames.DESCRIPTION_HINT,
            "packages/p.yaml:5:61: task description is 1,025 characters long: the limit is"
                + " 1,024, as in SSIS's catalog; "
                + ObjectNames.DESCRIPTION_HINT,
            "project.yaml:2:14: project description is 1,025 characters long: the limit is"
                + " 1,024, as in SSIS's catalog; "
                + ObjectNames.DESCRIPTION_HINT);
  }

  @Test
  void duplicateNames() {
    assertThat(
            problems(
                files(
                    "project.yaml",
                    "name: p\nparameters:\n  - {name: A, type: String}\n  - {name: a, type: Int32}\n"
                        + "connections:\n  - {name: W, type: file, path: /x}\n"
                        + "  - {name: w, type: file, path: /y}\n",
                    "packages/p.yaml",
                    "variables:\n  - {name: V, type: String}\n  - {name: User::v, type: String}\n"
                        + "tasks:\n  - {name: T, type: Expression, expression: x}\n"
                        + "  - {name: t, type: Expression, expression: x}\n",
                    "packages/P.yml",
                    PACKAGE)))
        .containsExactly(
            "packages/p.yaml:1:1: package name 'p' is already used by packages/P.yml",
            "packages/p.yaml:3:5: variable 'User::v' is defined twice",
            "packages/p.yaml:6:5: task name 't' is used twice in the same container",
            "project.yaml:4:5: project parameter 'a' is defined twice",
            "project.yaml:7:5: connection 'w' is defined twice");
  }

  @Test
  void aPackageConnectionMayNotShadowAProjectConnection() {
    assertThat(
            problems(
                files(
                    "project.yaml",
                    "name: p\nconnections:\n  - {name: W, type: file, path: /x}\n",
                    "packages/p.yaml",
                    "connections:\n  - {name: w, type: file, path: /y}\n" + PACKAGE)))
        .containsExactly(
            "packages/p.yaml:2:5: connection 'w' is already defined in project.yaml; rename one");
  }

  @Test
  void unknownTaskTypeListsTheKnownOnes() {
    assertThat(packageProblems("tasks:\n  - name: a\n    type: ExecSql\n"))
        .containsExactly(
            "packages/p.yaml:3:11: unknown task type 'ExecSql'; did you mean 'ExecuteSql'? Known"
                + " task types: BulkInsert, DataFlow,"
                + " ExecutePackage, ExecuteProcess, ExecuteSql, Expression, FileSystem, ForLoop,"
                + " ForeachLoop, Sequence, Unsupported");
  }

  @Test
  void unknownConnectionTypeListsTheKnownOnes() {
    assertThat(
            problems(
                files(
                    "project.yaml",
                    "name: p\nconnections:\n  - name: c\n    type: odbc\n",
                    "packages/p.yaml",
                    PACKAGE)))
        .containsExactly(
            "project.yaml:4:11: unknown connection type 'odbc'; did you mean 'jdbc'? Known"
                + " connection types: cache, file, flatFile, jdbc");
  }

  @Test
  void onlyContainersHaveTasks() {
    assertThat(
            packageProblems(
                "tasks:\n  - name: a\n    type: Expression\n    expression: x\n    tasks:\n"
                    + "      - {name: b, type: Expression, expression: x}\n"))
        .containsExactly(
            "packages/p.yaml:5:5: only containers (Sequence, ForLoop, ForeachLoop) have tasks;"
                + " 'a' is of type Expression");
  }

  @Test
  void loopsNeedTasksButASequenceMayBeEmpty() {
    assertThat(
            packageProblems(
                "tasks:\n  - {name: L, type: ForLoop, evalExpression: x}\n"
                    + "  - {name: F, type: ForeachLoop, enumerator: {type: item, items: [1]},"
                    + " tasks: []}\n  - {name: S, type: Sequence}\n"))
        .containsExactly(
            "packages/p.yaml:2:5: the ForLoop 'L' has no tasks, so it would repeat nothing; add"
                + " the tasks to repeat under 'tasks'",
            "packages/p.yaml:3:5: the ForeachLoop 'F' has no tasks, so it would repeat nothing;"
                + " add the tasks to repeat under 'tasks'");
  }

  @Test
  void precedenceConstraints() {
    assertThat(
            packageProblems(
                """
                tasks:
                  - name: a
                    type: Expression
                    expression: x
                    after: [b, {task: bb, on: sucess}]
                    afterMode: both
                  - {name: b, type: Expression, expression: x, after: c}
                  - {name: c, type: Expression, expression: x, after: b}
                  - {name: d, type: Expression, expression: x, after: [d, {task: b, colour: red}]}
                  - {name: e, type: Expression, expression: x, after: [b, B]}
                """))
        .containsExactly(
            "packages/p.yaml:5:16: task 'a' waits for 'bb', which is not a task of the same"
                + " container",
            "packages/p.yaml:5:31: 'on' must be success, failure or completion, not 'sucess'",
            "packages/p.yaml:6:16: afterMode must be 'all' or 'any', not 'both'",
            "packages/p.yaml:7:5: precedence constraints form a cycle: b -> c -> b; remove one of"
                + " these 'after' entries",
            "packages/p.yaml:9:56: task 'd' waits for itself",
            "packages/p.yaml:9:69: unknown key 'colour' in a precedence constraint; known keys:"
                + " expression, on, task",
            "packages/p.yaml:10:59: task 'e' has two constraints on 'B'; keep one");
  }

  @Test
  void constraintsOnlyReachTasksOfTheSameContainer() {
    assertThat(
            packageProblems(
                """
                tasks:
                  - name: Group
                    type: Sequence
                    tasks:
                      - {name: Inner, type: Expression, expression: x}
                  - {name: Outer, type: Expression, expression: x, after: Inner}
                """))
        .containsExactly(
            "packages/p.yaml:6:59: task 'Outer' waits for 'Inner', which is not a task of the"
                + " same container");
  }

  @Test
  void unknownEventHandler() {
    assertThat(
            packageProblems(
                PACKAGE
                    + "eventHandlers:\n  OnFailure:\n    - {name: h, type: Expression,"
                    + " expression: x}\n"))
        .containsExactly(
            "packages/p.yaml:6:3: unknown event handler 'OnFailure'; known event handlers:"
                + " OnError, OnInformation, OnPostExecute, OnPostValidate, OnPreExecute,"
                + " OnPreValidate, OnProgress, OnTaskFailed, OnVariableValueChanged, OnWarning");
  }

  @Test
  void nonUtf8FileIsLocatedAtItsFirstBadByte() {
    byte[] latin1 = "description: caf\u00e9\ntasks: []\n".getBytes(StandardCharsets.ISO_8859_1);
    ProjectFiles files =
        ProjectFiles.of(
            Map.of(
                "project.yaml",
                PROJECT.getBytes(StandardCharsets.UTF_8),
                "packages/p.yaml",
                latin1));

    assertThat(problems(files))
        .containsExactly(
            "packages/p.yaml:1:17: is not UTF-8 text (byte 0xE9); save the file as UTF-8");
  }

  @Test
  void emptyFiles() {
    assertThat(packageProblems(""))
        .containsExactly("packages/p.yaml: is empty; write the package in it");
    assertThat(packageProblems("# only a comment\n"))
        .containsExactly("packages/p.yaml: is empty; write the package in it");
  }

  @Test
  void noProjectYaml() {
    assertThat(problems(files("packages/p.yaml", PACKAGE)))
        .containsExactly("project.yaml: missing: a project folder needs a project.yaml at its top");
  }

  @Test
  void noPackages() {
    assertThat(problems(files("project.yaml", PROJECT)))
        .containsExactly(
            "project.yaml: the project has no packages: add at least one packages/NAME.yaml");
  }

  @Test
  void packagesFolderHoldsOnlyPackageFiles() {
    assertThat(
            problems(
                files(
                    "project.yaml",
                    PROJECT,
                    "packages/p.yaml",
                    PACKAGE,
                    "packages/old/x.yaml",
                    PACKAGE,
                    "packages/notes.txt",
                    "x")))
        .containsExactly(
            "packages/notes.txt: packages/ holds only package files named PACKAGE.yaml; move this"
                + " file elsewhere",
            "packages/old/x.yaml: packages/ holds only package files named PACKAGE.yaml; move"
                + " this file elsewhere");
  }

  @Test
  void aPackageIsNamedByItsFile() {
    assertThat(
            problems(
                files(
                    "project.yaml", PROJECT, "packages/load.yaml", "name: Load rates\n" + PACKAGE)))
        .containsExactly(
            "packages/load.yaml:1:7: package name 'Load rates' differs from its file name 'load';"
                + " a package is named by its file: rename the file to Load rates.yaml or remove"
                + " 'name:'");
  }

  @Test
  void parameterDefaultsAreCheckedAgainstTheirType() {
    assertThat(
            problems(
                files(
                    "project.yaml",
                    """
                    name: p
                    parameters:
                      - {name: A, type: Byte, default: 256}
                      - {name: B, type: Int33}
                      - {name: C, type: DateTime, default: 31/01/2024}
                      - {name: D, type: String, required: yes}
                    """,
                    "packages/p.yaml",
                    PACKAGE)))
        .containsExactly(
            "project.yaml:3:36: default: \"256\" is not a Byte (a whole number from 0 to 255)",
            "project.yaml:4:21: unknown parameter type 'Int33'; did you mean 'Int32'? Known"
                + " parameter types: Boolean, Byte, DateTime, Decimal, Double, Int16, Int32,"
                + " Int64, SByte, Single, String, UInt32, UInt64",
            "project.yaml:5:40: default: \"31/01/2024\" is not a DateTime (use ISO-8601, e.g."
                + " 2024-01-31 or 2024-01-31T13:45:00)",
            "project.yaml:6:39: 'required' must be true or false, not 'yes'");
  }

  @Test
  void variableValuesAreCheckedAgainstTheirType() {
    assertThat(
            packageProblems(
                """
                variables:
                  - {name: A, type: Int16, value: 40000}
                  - {name: B, type: Object, value: x}
                  - {name: C, type: Char, value: ab}
                  - {name: D, type: boolean, value: yes}
                  - {name: E, type: Strin}
                  - {name: 'F G', type: String}
                  - {name: System::H, type: String}
                """
                    + PACKAGE))
        .containsExactly(
            "packages/p.yaml:2:35: value: \"40000\" is not an Int16 (a whole number from -32768 to"
                + " 32767)",
            "packages/p.yaml:3:36: value: a variable of type Object takes no value in the file;"
                + " remove 'value' (tasks fill it at run time)",
            "packages/p.yaml:4:34: value: \"ab\" is not a Char (exactly one character)",
            "packages/p.yaml:5:37: value: \"yes\" is not a Boolean (use true or false)",
            "packages/p.yaml:6:21: unknown variable type 'Strin'; did you mean 'String'? Known"
                + " variable types: Boolean, Byte, Char, DBNull, DateTime, Decimal, Double, Int16,"
                + " Int32, Int64, Object, SByte, Single, String, UInt32, UInt64",
            "packages/p.yaml:7:12: variable name \"F G\" is not an identifier: start with a letter"
                + " or '_', then use only letters, digits and '_'",
            "packages/p.yaml:8:12: variable 'System::H': the System namespace is read-only; use"
                + " User::");
  }

  @Test
  void packagePropertiesAreChecked() {
    assertThat(
            packageProblems(
                "maxConcurrentExecutables: 0\nmaximumErrorCount: -1\nforceExecutionResult: Success\n"
                    + PACKAGE))
        .containsExactly(
            "packages/p.yaml:1:27: 'maxConcurrentExecutables' must be -1 (processors + 2) or at"
                + " least 1, not 0",
            "packages/p.yaml:2:20: 'maximumErrorCount' must be a whole number of at least 0, not"
                + " '-1'",
            "packages/p.yaml:3:23: 'forceExecutionResult' must be one of none, success, failure,"
                + " completion, not 'Success'");
  }

  @Test
  void taskSettingsAreCheckedByType() {
    assertThat(
            problems(
                files(
                    "project.yaml",
                    "name: p\nconnections:\n  - {name: W, type: jdbc, url: x}\n",
                    "packages/p.yaml",
                    """
                    tasks:
                      - {name: A, type: ExecuteSql, connection: W, statement: x, file: y, resultSet: all}
                      - {name: B, type: ExecuteSql, connection: W, timeout: -1}
                      - {name: C, type: FileSystem, operation: copyFile, source: x, expressions: {destinaton: y}}
                      - {name: D, type: ExecuteSql, connection: W, statement: x, results: {n: User::N}}
                    """)))
        .containsExactly(
            "packages/p.yaml:2:62: give only one of 'statement', 'file' or 'statementVariable' in"
                + " an ExecuteSql task; it has 'statement' and 'file'",
            "packages/p.yaml:2:82: 'resultSet' must be one of none, singleRow, fullResultSet, not"
                + " 'all'",
            "packages/p.yaml:3:5: an ExecuteSql task needs one of 'statement', 'file' or"
                + " 'statementVariable'",
            "packages/p.yaml:3:57: 'timeout' must be a whole number of at least 0, not '-1'",
            "packages/p.yaml:4:5: the FileSystem operation copyFile needs 'destination' or"
                + " 'destinationConnection'",
            "packages/p.yaml:4:79: unknown property 'destinaton' in the expressions of a FileSystem"
                + " task; did you mean 'destination'? Known properties: description, destination,"
                + " destinationConnection, disabled, failPackageOnFailure, failParentOnFailure,"
                + " forceExecutionResult, maximumErrorCount, operation, overwrite, source,"
                + " sourceConnection",
            "packages/p.yaml:5:62: 'results' needs resultSet: singleRow or fullResultSet (a"
                + " statement with no result set has none to store)",
            "packages/p.yaml:5:75: variable 'User::N' is not defined; add it under 'variables' of"
                + " the package");
  }

  @Test
  void aRequiredSettingMayComeFromAPropertyExpression() {
    assertThat(
            ProjectFixtures.parse(
                    files(
                        "project.yaml",
                        "name: p\nconnections:\n  - {name: W, type: jdbc, expressions: {url: x}}\n",
                        "packages/p.yaml",
                        "tasks:\n  - {name: A, type: ExecuteSql, connection: W,"
                            + " expressions: {statement: '\"SELECT 1\"'}}\n"))
                .packages())
        .hasSize(1);
  }

  @Test
  void referencesToConnectionsVariablesParametersAndPackages() {
    assertThat(
            problems(
                files(
                    "project.yaml",
                    """
                    name: p
                    parameters:
                      - {name: P, type: String}
                    connections:
                      - {name: W, type: jdbc, url: x}
                      - {name: F, type: file, path: /x}
                    """,
                    "packages/p.yaml",
                    """
                    variables:
                      - {name: Ro, type: Int32, readOnly: true}
                    tasks:
                      - name: A
                        type: ExecuteSql
                        connection: F
                        statement: x
                        resultSet: singleRow
                        results: {a: User::Ro, b: $Project::P, c: User::Nope, d: System::X}
                      - {name: B, type: ExecuteSql, connection: Wh, statement: x}
                      - {name: C, type: ExecutePackage, package: chld, parameters: {X: User::Ro}}
                      - {name: D, type: ExecutePackage, package: child, parameters: {Inn: User::Ro}}
                      - {name: E, type: ExecutePackage, package: p}
                    """,
                    "packages/child.yaml",
                    "parameters:\n  - {name: In, type: Int32, required: true}\n" + PACKAGE)))
        .containsExactly(
            "packages/p.yaml:6:17: connection 'F' is a file connection; an ExecuteSql task needs a"
                + " jdbc connection",
            "packages/p.yaml:9:18: variable 'User::Ro' is read-only (readOnly: true)",
            "packages/p.yaml:9:31: '$Project::P' is a parameter, and parameters are read-only; use"
                + " a variable",
            "packages/p.yaml:9:47: variable 'User::Nope' is not defined; add it under 'variables'"
                + " of the package",
            "packages/p.yaml:9:62: System variables are read-only; use a User:: variable",
            "packages/p.yaml:10:45: unknown connection 'Wh' in an ExecuteSql task; known"
                + " connections: F, W",
            "packages/p.yaml:11:46: unknown package 'chld' in this project; did you mean 'child'?"
                + " Known packages: child, p",
            "packages/p.yaml:12:46: package 'child' requires parameter 'In': bind it under"
                + " 'parameters' of this task",
            "packages/p.yaml:12:66: unknown parameter 'Inn' in package 'child'; did you mean"
                + " 'In'? Known parameters: In",
            "packages/p.yaml:13:46: a package cannot execute itself");
  }

  @Test
  void dataFlowsAreCheckedByTheDataFlowEnginesOwnRules() {
    assertThat(
            packageProblems(
                """
                variables:
                  - {name: N, type: Int32}
                connections:
                  - {name: W, type: jdbc, url: x}
                tasks:
                  - name: DF
                    type: DataFlow
                    bufferRows: 0
                    defaultBufferMaxRows: 5
                    components:
                      - {name: S, type: JdbcSource, connection: W, query: q}
                      - {name: A, type: RowCount, input: S, variable: User::N}
                      - {name: B, type: RowCount, inputs: [A, a], variable: User::N}
                      - {name: D, type: RowCount, input: Nope, variable: User::N}
                      - {name: G, type: JdbcDestination, connection: W, table: t}
                      - {name: I, type: Sorter, input: S}
                      - {name: J, type: JdbcSource, connection: W, input: S, query: q}
                      - {name: K, type: Lookup, input: {output: Match}}
                      - {name: a, type: Multicast, input: S}
                      - just a name
                """))
        .containsExactly(
            "packages/p.yaml:6:5: setting 'bufferRows' must be positive, not 0",
            "packages/p.yaml:9:5: unknown key 'defaultBufferMaxRows' in a DataFlow task; known"
                + " keys: after, afterMode, bufferRows, buffersPerPath, components,"
                + " delayValidation, description, disabled, eventHandlers, expressions,"
                + " failPackageOnFailure, failParentOnFailure, forceExecutionResult,"
                + " maximumErrorCount, memoryBudgetMb, name, tasks, type",
            "packages/p.yaml:13:9: component 'B' (RowCount): a RowCount takes 1 input(s), but 2"
                + " are given",
            "packages/p.yaml:13:9: component 'B' (RowCount): it takes 'a' twice; an output feeds"
                + " one path",
            "packages/p.yaml:14:9: component 'D' (RowCount): its input comes from 'Nope', which"
                + " is not a component; components: S, A, B, D, G, I, J",
            "packages/p.yaml:15:9: component 'G' (JdbcDestination): a JdbcDestination takes 1"
                + " input(s), but 0 are given",
            "packages/p.yaml:16:9: component 'I' (Sorter): unknown component type 'Sorter';"
                + " known types: FlatFileSource, JdbcSource, RawFileSource, DerivedColumn,"
                + " DataConversion, CopyColumn, ConditionalSplit, Multicast, UnionAll, Lookup,"
                + " Merge, MergeJoin, Sort, Aggregate, RowCount, RecordsetDestination,"
                + " JdbcDestination, FlatFileDestination, RawFileDestination, DiscardDestination,"
                + " JdbcCommand, Audit, RowSampling, PercentageSampling, Unpivot, Pivot,"
                + " CharacterMap, CacheTransform, SlowlyChangingDimension",
            "packages/p.yaml:17:9: component 'J' (JdbcSource): a JdbcSource is a source and"
                + " takes no input",
            "packages/p.yaml:18:9: component 'K' (Lookup): an input needs 'from: <component>'"
                + " (and optionally 'output: <output>')",
            "packages/p.yaml:19:9: component 'a' (Multicast): another component has the same"
                + " name; names must be unique",
            "packages/p.yaml:20:9: component #10 must be a map");
  }

  @Test
  void misspeltComponentSettingsAreRefusedWhereTheyAreWritten() {
    assertThat(
            packageProblems(
                """
                connections:
                  - {name: F, type: flatFile, file: f.csv, columns: [{name: a, type: DT_I4}]}
                tasks:
                  - name: DF
                    type: DataFlow
                    components:
                      - {name: S, type: FlatFileSource, connection: F, onEror: redirect}
                      - name: D
                        type: DerivedColumn
                        input: S
                        columns:
                          - {name: b, expression: a + 1}
                          - {name: c, expresion: a * 2}
                      - {name: X, type: DiscardDestination, input: D}
                """))
        .containsExactly(
            "packages/p.yaml:7:56: component 'S' (FlatFileSource): unknown setting 'onEror' in a"
                + " FlatFileSource component; did you mean 'onError'? Known settings:"
                + " columnErrors, connection, input, inputs, name, onError, sortedBy, type",
            "packages/p.yaml:13:23: component 'D' (DerivedColumn): unknown setting 'expresion' in"
                + " 'columns' item 2; did you mean 'expression'? Known settings: expression, name,"
                + " onError, replace, type");
  }

  @Test
  void dataFlowPathsMustNotFormACycle() {
    assertThat(
            packageProblems(
                """
                tasks:
                  - name: DF
                    type: DataFlow
                    components:
                      - {name: E, type: DerivedColumn, input: F}
                      - {name: F, type: DerivedColumn, input: {from: E, output: Output}}
                """))
        .containsExactly(
            "packages/p.yaml:5:9: component 'E' (DerivedColumn): its inputs form a cycle; paths"
                + " must flow from sources to destinations");
  }

  @Test
  void aDataFlowNeedsComponents() {
    assertThat(packageProblems("tasks:\n  - {name: DF, type: DataFlow}\n"))
        .containsExactly(
            "packages/p.yaml:2:5: a DataFlow task needs a 'components' list (sources,"
                + " transformations, destinations)");
  }

  @Test
  void flatFileConnectionsAreCheckedByTheFlatFileReader() {
    assertThat(
            packageProblems(
                """
                connections:
                  - {name: A, type: flatFile, file: a.txt, header: true}
                  - {name: B, type: flatFile, file: b.txt, delimiter: ";;", headerRow: true}
                  - {name: C, type: flatFile, file: c.txt}
                  - name: D
                    type: flatFile
                    file: d.txt
                    columns: [{name: X, type: DT_NOPE}]
                  - {name: E, type: flatFile, file: e.txt, headerRow: true}
                  - name: F
                    type: flatFile
                    file: f.txt
                    format: fixedWidth
                    columns: [{name: X, type: 'DT_STR,3,1252', width: 3}]
                tasks:
                  - {name: T, type: Expression, expression: "1 == 1"}
                """))
        .containsExactly(
            "packages/p.yaml:2:5: the flat file connection defines no columns; list them under"
                + " 'columns'",
            "packages/p.yaml:2:44: unknown key 'header' in a flatFile connection; did you mean"
                + " 'headerRow'? Known keys: codePage, columns, delimiter, description, encoding,"
                + " expressions, file, format, headerRow, headerRowsToSkip, name, retainNulls,"
                + " textQualifier, type",
            "packages/p.yaml:3:5: delimiter must be one ASCII character, not ';;'",
            "packages/p.yaml:4:5: the flat file connection defines no columns; list them under"
                + " 'columns'",
            "packages/p.yaml:5:5: column 'X': 'DT_NOPE' is not a data type; write it as in a"
                + " cast, e.g. DT_WSTR,50");
  }

  @Test
  void foreachEnumeratorSettingsAndVariableMappings() {
    assertThat(
            packageProblems(
                """
                variables:
                  - {name: F, type: String}
                tasks:
                  - name: L
                    type: ForeachLoop
                    enumerator: {type: file}
                    expressions:
                      enumerator.folder: x
                      enumerator.folders: y
                    variableMappings: {User::F: 0, User::G: -1}
                    tasks:
                      - {name: t, type: Expression, expression: x}
                  - {name: M, type: ForeachLoop, enumerator: {type: rows}, tasks: [{name: t, type: Sequence}]}
                """))
        .containsExactly(
            "packages/p.yaml:9:7: unknown property 'enumerator.folders' in the expressions of a"
                + " file enumerator; did you mean 'enumerator.folder'? Known properties:"
                + " enumerator.files, enumerator.folder, enumerator.recursive,"
                + " enumerator.retrieve",
            "packages/p.yaml:10:36: variable 'User::G' is not defined; add it under 'variables' of"
                + " the package",
            "packages/p.yaml:10:45: variableMappings: each variable takes the 0-based index of the"
                + " enumerator's value, e.g. 0",
            "packages/p.yaml:13:53: unknown enumerator type 'rows'; known enumerator types: file,"
                + " item, variable");
  }

  @Test
  void severalProblemsInSeveralFilesAreReportedTogetherInFileOrder() {
    assertThat(
            problems(
                files(
                    "project.yaml",
                    "name: p\ncolour: red\n",
                    "packages/a.yaml",
                    "tasks:\n  - {name: x, type: Nope}\n",
                    "packages/b.yaml",
                    "tasks:\n  - {name: y, type: Expression, expression: z, after: w}\n",
                    "packages/c.yaml",
                    "tasks: [")))
        .hasSize(4)
        .satisfiesExactly(
            a -> assertThat(a).startsWith("packages/a.yaml:2:21: unknown task type 'Nope'"),
            b ->
                assertThat(b)
                    .isEqualTo(
                        "packages/b.yaml:2:55: task 'y' waits for 'w', which is not a task of the"
                            + " same container"),
            c -> assertThat(c).startsWith("packages/c.yaml:1:8: YAML syntax:"),
            p ->
                assertThat(p).startsWith("project.yaml:2:1: unknown key 'colour' in project.yaml"));
  }

  @Test
  void theExceptionMessageListsEveryProblem() {
    ProjectFormatException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ProjectFormatException.class,
            () -> ProjectParser.parse(withPackage("tasks:\n  - name: a\n  - name: b\n")));

    assertThat(e.getMessage())
        .isEqualTo(
            "2 problems in the project:\n"
                + "  packages/p.yaml:2:5: 'type' is required\n"
                + "  packages/p.yaml:3:5: 'type' is required");
  }

  @Test
  void libHoldsOnlyReadableJarsDirectlyInIt() {
    byte[] jar = TestDriverJars.driverJar("1.0");
    byte[] damaged = jar.clone();
    damaged[damaged.length / 2] ^= 0x5A; // inside the driver class's compressed bytes
    Map<String, byte[]> files = new java.util.TreeMap<>();
    files.put("project.yaml", PROJECT.getBytes(StandardCharsets.UTF_8));
    files.put("packages/p.yaml", PACKAGE.getBytes(StandardCharsets.UTF_8));
    files.put("lib/good.jar", jar);
    files.put("lib/README.txt", "drivers".getBytes(StandardCharsets.UTF_8));
    files.put("lib/old/driver.jar", jar);
    files.put("lib/text.jar", "not a jar".getBytes(StandardCharsets.UTF_8));
    files.put("lib/damaged.jar", damaged);
    files.put("lib/cut.jar", java.util.Arrays.copyOf(jar, jar.length - 30));

    assertThat(problems(ProjectFiles.of(files)))
        .satisfiesExactly(
            readme ->
                assertThat(readme)
                    .isEqualTo(
                        "lib/README.txt: lib/ holds only JDBC driver jars (lib/NAME.jar, no"
                            + " sub-folders); move this file out of lib/"),
            cut ->
                assertThat(cut)
                    .isEqualTo(
                        "lib/cut.jar: is not a readable jar (its central directory is missing:"
                            + " the file is cut short); replace it with the driver's jar as its"
                            + " vendor publishes it"),
            damagedJar ->
                assertThat(damagedJar)
                    .startsWith("lib/damaged.jar: is not a readable jar (")
                    .endsWith("); replace it with the driver's jar as its vendor publishes it"),
            old -> assertThat(old).startsWith("lib/old/driver.jar: lib/ holds only JDBC driver"),
            text ->
                assertThat(text)
                    .isEqualTo(
                        "lib/text.jar: is not a readable jar (no entries: it is not a zip"
                            + " archive, or it is empty); replace it with the driver's jar as its"
                            + " vendor publishes it"));
  }
}
