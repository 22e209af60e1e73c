package io.sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.event.SecretMask;
import io.sluice.engine.runtime.expression.ExpressionError;
import io.sluice.engine.runtime.expression.ExpressionService;
import io.sluice.engine.runtime.variable.Variable;
import io.sluice.engine.runtime.variable.VariableException;
import io.sluice.engine.runtime.variable.VariableType;
import io.sluice.engine.runtime.variable.Variables;
import io.sluice.engine.testing.TestDriverJars;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sensitive parameters at run time: what validation cannot see is refused when it resolves, and
 * whatever text a run sends out has the run's sensitive values masked.
 */
class SensitiveValuesTest {

  private static final String SECRET = "s3cr3t-Value";

  private static final String PROJECT =
      """
      name: secrets
      parameters:
        - {name: Secret, type: String, sensitive: true}
      """;

  private static ParameterValues secret() {
    return ParameterValues.none().withProject("Secret", SECRET);
  }

  private static RecordingSink run(String packageYaml) {
    RecordingSink sink = new RecordingSink();
    TestProjects.project(PROJECT)
        .file("packages/p.yaml", packageYaml)
        .run("p", secret(), RunOptions.defaults(), sink);
    return sink;
  }

  private static String allMessages(RecordingSink sink) {
    return String.join("\n", sink.events.stream().map(EngineEvent::message).toList());
  }

  @Test
  void whatAProcessEchoesOfItsStandardInputIsMaskedInEveryEvent() {
    // stdin is where a sensitive parameter may go; the program then prints it, as careless
    // programs do, into a variable that raises change events and into an error message
    RecordingSink sink =
        run(
            """
            maximumErrorCount: 10
            variables:
              - {name: Out, type: String, value: "", raiseChangedEvent: true}
            tasks:
              - name: Echo
                type: ExecuteProcess
                executable: /bin/sh
                arguments: '-c "cat"'
                standardInputVariable: $Project::Secret
                standardOutputVariable: User::Out
              - name: Complain
                type: ExecuteProcess
                executable: /bin/sh
                arguments: '-c "echo login failed for $(cat) >&2; exit 3"'
                standardInputVariable: $Project::Secret
            """);

    assertThat(sink.messages(MessageType.VARIABLE_VALUE_CHANGED))
        .containsExactly("User::Out changed to " + SecretMask.MASK);
    assertThat(sink.messages(MessageType.ERROR))
        .anySatisfy(m -> assertThat(m).endsWith("login failed for " + SecretMask.MASK));
    assertThat(allMessages(sink)).doesNotContain(SECRET);
  }

  @Test
  void aDriverErrorThatQuotesThePasswordIsMaskedForTheLogsAndForTheErrorHandler(@TempDir Path dir)
      throws Exception {
    Path kept = dir.resolve("error.txt");
    RecordingSink sink = new RecordingSink();
    RunResult result =
        TestProjects.project(
                PROJECT
                    + """
                    connections:
                      - name: Warehouse
                        type: jdbc
                        url: URL
                        user: app
                        expressions: {password: '@[$Project::Secret]'}
                    """
                        .replace("URL", TestDriverJars.CARELESS_URL))
            .file("lib/careless.jar", TestDriverJars.carelessDriverJar())
            .file(
                "packages/p.yaml",
                """
                tasks:
                  - {name: Count, type: ExecuteSql, connection: Warehouse, statement: select 1}
                eventHandlers:
                  OnError:
                    - name: Keep error
                      type: ExecuteProcess
                      executable: /bin/sh
                      arguments: '-c "cat >> KEPT"'
                      standardInputVariable: System::ErrorDescription
                """
                    .replace("KEPT", kept.toString()))
            .run("p", secret(), RunOptions.defaults(), sink);

    assertThat(result.status()).isEqualTo(RunResult.Status.FAILURE);
    assertThat(sink.messages(MessageType.ERROR))
        .anySatisfy(m -> assertThat(m).contains("login failed for app/" + SecretMask.MASK));
    assertThat(allMessages(sink)).doesNotContain(SECRET);
    // what an OnError handler stores (a file here, an audit table in practice) is masked too
    assertThat(Files.readString(kept))
        .contains("login failed for app/" + SecretMask.MASK)
        .doesNotContain(SECRET);
  }

  @Test
  void aSensitiveParameterNamedOnlyAtRunTimeIsRefusedWithoutItsValue() {
    // validation sees a string; the run sees that it names the sensitive parameter
    RecordingSink sink =
        run(
            """
            tasks:
              - name: Each
                type: ForeachLoop
                enumerator: {type: variable, variable: User::Nothing}
                expressions:
                  enumerator.variable: '"$Project::" + "Secret"'
                tasks:
                  - {name: Inside, type: Sequence}
            variables:
              - {name: Nothing, type: Object}
            """);

    assertThat(sink.messages(MessageType.ERROR))
        .containsExactly(
            "the enumerator failed: accessing the value of sensitive parameter $Project::Secret"
                + " is not allowed here: its value may only go where it stays secret (a jdbc"
                + " connection's password, a sensitive parameter of a child package, a process's"
                + " standard input)");
    assertThat(allMessages(sink)).doesNotContain(SECRET);
  }

  @Test
  void onlyAnExpressionWhoseResultIsSensitiveMayReadASensitiveParameter() {
    Variables scope = Variables.root();
    scope.declare(new Variable("$Project", "Secret", VariableType.STRING, SECRET, true, true));
    ExpressionService expressions = ExpressionService.standard();

    assertThatThrownBy(() -> expressions.compile("\"got:\" + @[$Project::Secret]", scope))
        .isInstanceOf(ExpressionError.class)
        .extracting(e -> ((ExpressionError) e).describe())
        .isEqualTo(
            "The expression will not be evaluated because it contains sensitive parameter"
                + " $Project::Secret, and its result is not sensitive at position 10 in"
                + " expression \"\"got:\" + @[$Project::Secret]\"");
    assertThat(
            expressions.compileSensitive("\"got:\" + @[$Project::Secret]", scope).evaluate(scope))
        .isEqualTo("got:" + SECRET);
    assertThatThrownBy(() -> scope.get("$Project::Secret"))
        .isInstanceOf(VariableException.class)
        .hasMessageStartingWith("accessing the value of sensitive parameter $Project::Secret")
        .hasMessageNotContaining(SECRET);
    assertThat(scope.sensitiveValue("$Project::Secret")).isEqualTo(SECRET);
  }

  @Test
  void aSensitiveChildParameterTakesTheValueAndItsUseStaysMasked() {
    RecordingSink sink = new RecordingSink();
    RunResult result =
        TestProjects.project(PROJECT)
            .file(
                "packages/p.yaml",
                """
                tasks:
                  - name: Call
                    type: ExecutePackage
                    package: child
                    parameters: {Token: $Project::Secret}
                """)
            .file(
                "packages/child.yaml",
                """
                entryPoint: false
                parameters:
                  - {name: Token, type: String, sensitive: true}
                tasks:
                  - name: Complain
                    type: ExecuteProcess
                    executable: /bin/sh
                    arguments: '-c "echo token $(cat) >&2; exit 3"'
                    standardInputVariable: $Package::Token
                """)
            .run("p", secret(), RunOptions.defaults(), sink);

    assertThat(result.status()).isEqualTo(RunResult.Status.FAILURE);
    assertThat(sink.messages(MessageType.ERROR))
        .anySatisfy(m -> assertThat(m).endsWith("token " + SecretMask.MASK));
    assertThat(allMessages(sink)).doesNotContain(SECRET);
  }
}
