package io.sluice.engine.project;

import static io.sluice.engine.project.ProjectFixtures.files;
import static io.sluice.engine.project.ProjectFixtures.parse;
import static io.sluice.engine.project.ProjectFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SSIS's rule on sensitive parameters, at validation: every place a package computes or passes a
 * value refuses a sensitive parameter unless what it sets is itself sensitive, naming the
 * parameter, the expression and where it is written.
 */
class SensitiveParameterRuleTest {

  private static final String PROJECT =
      """
      name: demo
      parameters:
        - {name: Secret, type: String, sensitive: true}
        - {name: Plain, type: String, default: x}
      """;

  private static final String REFUSED =
      ", and that is not sensitive: " + SensitiveParameterRule.HINT;

  private static List<String> problemsOf(String packageText) {
    return problems(files("project.yaml", PROJECT, "packages/p.yaml", packageText));
  }

  private static void accepted(String packageText) {
    parse(files("project.yaml", PROJECT, "packages/p.yaml", packageText));
  }

  @Test
  void aVariableExpressionMayNotReadASensitiveParameter() {
    // the reproduction of the review: the secret went into a variable, then into every message
    assertThat(
            problemsOf(
                """
                variables:
                  - {name: Copy, type: String, expression: '"got:" + @[$Project::Secret]'}
                tasks:
                  - {name: A, type: Expression, expression: "1 == 1"}
                """))
        .containsExactly(
            "packages/p.yaml:2:44: sensitive parameter $Project::Secret is used in expression"
                + " \"\"got:\" + @[$Project::Secret]\", which sets the value of variable"
                + " User::Copy"
                + REFUSED);
  }

  @Test
  void anExpressionTaskAForLoopAndAConstraintMayNot() {
    assertThat(
            problemsOf(
                """
                variables:
                  - {name: Copy, type: String}
                  - {name: N, type: Int32, value: 0}
                tasks:
                  - {name: A, type: Expression, expression: '@[User::Copy] = @Secret'}
                  - name: Loop
                    type: ForLoop
                    initExpression: '@[User::N] = LEN(@[$Project::Secret])'
                    evalExpression: '@[User::N] < 3'
                    tasks:
                      - {name: Inside, type: Expression, expression: "1 == 1"}
                  - name: B
                    type: Expression
                    expression: "1 == 1"
                    after: {task: A, expression: '@[$Project::Secret] == "x"'}
                """))
        .containsExactly(
            "packages/p.yaml:5:45: sensitive parameter $Project::Secret is used in expression"
                + " \"@[User::Copy] = @Secret\", which sets the variable task 'A' assigns"
                + REFUSED,
            "packages/p.yaml:8:21: sensitive parameter $Project::Secret is used in expression"
                + " \"@[User::N] = LEN(@[$Project::Secret])\", which sets 'initExpression' of"
                + " ForLoop 'Loop'"
                + REFUSED,
            "packages/p.yaml:15:34: sensitive parameter $Project::Secret is used in expression"
                + " \"@[$Project::Secret] == \"x\"\", which sets whether task 'B' runs after 'A'"
                + REFUSED);
  }

  @Test
  void aTaskPropertyExpressionMayNot() {
    assertThat(
            problemsOf(
                """
                tasks:
                  - name: Run
                    type: ExecuteProcess
                    executable: echo
                    expressions:
                      arguments: '@[$Project::Secret]'
                """))
        .containsExactly(
            "packages/p.yaml:6:18: sensitive parameter $Project::Secret is used in expression"
                + " \"@[$Project::Secret]\", which sets property 'arguments' of task 'Run'"
                + REFUSED);
  }

  @Test
  void onlyAJdbcPasswordMayBeSetFromASensitiveParameter() {
    String connections =
        """
        connections:
          - name: Db
            type: jdbc
            url: jdbc:postgresql://localhost/db
            expressions:
              password: '@[$Project::Secret]'
              user: '"u" + @[$Project::Secret]'
        """;
    assertThat(
            problems(
                files(
                    "project.yaml",
                    PROJECT + connections,
                    "packages/p.yaml",
                    ProjectFixtures.PACKAGE)))
        .containsExactly(
            "project.yaml:11:13: sensitive parameter $Project::Secret is used in expression"
                + " \"\"u\" + @[$Project::Secret]\", which sets setting 'user' of connection 'Db'"
                + REFUSED);
  }

  @Test
  void dataFlowExpressionsMayNot() {
    assertThat(
            problemsOf(
                """
                tasks:
                  - name: Flow
                    type: DataFlow
                    components:
                      - name: Read
                        type: JdbcSource
                        connection: Db
                        query: select 1 where ? = ?
                        parameters: ['@[$Project::Plain]', '@[$Project::Secret]']
                      - name: Derive
                        type: DerivedColumn
                        input: Read
                        columns:
                          - {name: Copy, expression: '@[$Project::Secret]'}
                      - name: Split
                        type: ConditionalSplit
                        input: Derive
                        conditions:
                          - {output: Hit, expression: 'Copy == @[$Project::Secret]'}
                      - {name: Out, type: RowCount, input: {from: Split, output: Hit}, variable: User::N}
                variables:
                  - {name: N, type: Int32, value: 0}
                connections:
                  - {name: Db, type: jdbc, url: 'jdbc:postgresql://localhost/db'}
                """))
        .containsExactly(
            "packages/p.yaml:9:44: sensitive parameter $Project::Secret is used in expression"
                + " \"@[$Project::Secret]\", which sets item 2 of 'parameters' of component"
                + " 'Read' (JdbcSource)"
                + REFUSED,
            "packages/p.yaml:14:26: sensitive parameter $Project::Secret is used in expression"
                + " \"@[$Project::Secret]\", which sets item 1 of 'columns' of component"
                + " 'Derive' (DerivedColumn)"
                + REFUSED,
            "packages/p.yaml:19:27: sensitive parameter $Project::Secret is used in expression"
                + " \"Copy == @[$Project::Secret]\", which sets item 1 of 'conditions' of"
                + " component 'Split' (ConditionalSplit)"
                + REFUSED);
  }

  @Test
  void aVariableReferenceThatWouldCarryTheValueOutIsRefused() {
    assertThat(
            problemsOf(
                """
                parameters:
                  - {name: Key, type: String, sensitive: true}
                variables:
                  - {name: Rows, type: Object}
                connections:
                  - {name: Db, type: jdbc, url: 'jdbc:postgresql://localhost/db'}
                tasks:
                  - name: Sql
                    type: ExecuteSql
                    connection: Db
                    statementVariable: $Project::Secret
                  - name: Bound
                    type: ExecuteSql
                    connection: Db
                    statement: select ?
                    parameters:
                      - {variable: $Package::Key}
                  - name: Each
                    type: ForeachLoop
                    enumerator: {type: variable, variable: $Package::Key}
                    tasks:
                      - {name: Inside, type: Expression, expression: "1 == 1"}
                """))
        .containsExactly(
            "packages/p.yaml:11:24: sensitive parameter $Project::Secret would become the"
                + " statement of task 'Sql', and that is not sensitive: "
                + SensitiveParameterRule.HINT,
            "packages/p.yaml:17:20: sensitive parameter $Package::Key would become a query"
                + " parameter of task 'Bound', and that is not sensitive: "
                + SensitiveParameterRule.HINT,
            "packages/p.yaml:20:44: sensitive parameter $Package::Key would become the items"
                + " ForeachLoop 'Each' enumerates, and that is not sensitive: "
                + SensitiveParameterRule.HINT);
  }

  @Test
  void aSensitiveValueMayOnlyBeBoundToASensitiveParameterOfTheChild() {
    String parent =
        """
        tasks:
          - name: Call
            type: ExecutePackage
            package: child
            parameters:
              Token: $Project::Secret
              Label: $Project::Secret
        """;
    String child =
        """
        entryPoint: false
        parameters:
          - {name: Token, type: String, sensitive: true}
          - {name: Label, type: String}
        tasks:
          - {name: A, type: Expression, expression: "1 == 1"}
        """;
    assertThat(
            problems(
                files(
                    "project.yaml",
                    PROJECT,
                    "packages/p.yaml",
                    parent,
                    "packages/child.yaml",
                    child)))
        .containsExactly(
            "packages/p.yaml:7:7: parameter 'Label' of package 'child' is bound to sensitive"
                + " parameter $Project::Secret but is not sensitive itself: mark it 'sensitive:"
                + " true' in packages/child.yaml, or bind a value that is not secret (SSIS refuses"
                + " the same)");
  }

  @Test
  void whatIsItselfSensitiveMayTakeASensitiveValue() {
    String projectWithConnection =
        PROJECT
            + """
            connections:
              - name: Db
                type: jdbc
                url: jdbc:postgresql://localhost/db
                expressions: {password: '@[$Project::Secret]'}
            """;
    parse(
        files(
            "project.yaml",
            projectWithConnection,
            "packages/p.yaml",
            """
            variables:
              - {name: Out, type: String}
            tasks:
              - name: Login
                type: ExecuteProcess
                executable: cat
                standardInputVariable: $Project::Secret
                standardOutputVariable: User::Out
              - name: Call
                type: ExecutePackage
                package: child
                parameters: {Token: $Project::Secret}
            """,
            "packages/child.yaml",
            """
            entryPoint: false
            parameters:
              - {name: Token, type: String, sensitive: true}
            tasks:
              - {name: A, type: Expression, expression: "1 == 1"}
            """));
  }

  @Test
  void plainParametersAndTheSecretsNameInTextAreNotSensitive() {
    accepted(
        """
        variables:
          - {name: Copy, type: String, expression: '@[$Project::Plain] + "@[$Project::Secret]"'}
        tasks:
          - {name: A, type: Expression, expression: '@[User::Copy] = @[$Project::Plain]'}
        """);
  }
}
