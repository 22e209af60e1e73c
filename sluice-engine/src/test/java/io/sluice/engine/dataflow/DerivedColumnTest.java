package io.sluice.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.dataflow.pipeline.ErrorCodes;
import io.sluice.engine.type.DataType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DerivedColumnTest {

  @TempDir Path temp;
  private SimpleDataFlowEnvironment env;

  @BeforeEach
  void numbers() throws Exception {
    Path file = Flows.file(temp, "n.txt", "10,2,ann\n7,0,bob\n,5,cy\n", StandardCharsets.US_ASCII);
    env =
        Flows.environment(temp)
            .variable("User::Factor", DataType.I4, 100)
            .flatFile(
                "input",
                file,
                Flows.settings(
                    "columns: [{name: A, type: DT_I4}, {name: B, type: DT_I4}, {name: Name, type: 'DT_WSTR,10'}]"))
            .build();
  }

  private String flow(String derived) {
    return """
        components:
          - {name: Read, type: FlatFileSource, connection: input}
          - name: Compute
            type: DerivedColumn
            input: Read
        """
        + derived.indent(4)
        + """
          - {name: Keep, type: RecordsetDestination, input: Compute, variable: Rows}
          - {name: Bad, type: RecordsetDestination, input: {from: Compute, output: Error}, variable: Errors}
        """;
  }

  @Test
  void addsAndReplacesColumnsWithVariablesAndNullPropagation() {
    Flows.runOk(
        flow(
            """
            columns:
              - {name: Scaled, expression: 'A * @[User::Factor]'}
              - {name: Name, expression: 'UPPER(Name)', replace: true}
              - {name: Label, expression: 'Name + "!"', type: 'DT_WSTR,5'}
            """),
        env);

    List<Map<String, Object>> rows = Flows.rows(env, "User::Rows");
    assertThat(rows).extracting(r -> r.get("Scaled")).containsExactly(1000, 700, null);
    assertThat(rows).extracting(r -> r.get("Name")).containsExactly("ANN", "BOB", "CY");
    assertThat(rows)
        .extracting(r -> r.get("Label"))
        .as("expressions see the input values")
        .containsExactly("ann!", "bob!", "cy!");
  }

  @Test
  void aFailingRowFailsTheDataFlowByDefault() {
    DataFlowResult result = Flows.run(flow("columns: [{name: Q, expression: 'A / B'}]"), env);

    assertThat(result.outcome()).isEqualTo(DataFlowResult.Outcome.FAILED);
    assertThat(result.failure()).contains("component 'Compute'", "column 'Q'", "divide-by-zero");
  }

  @Test
  void redirectsFailingRowsWithErrorCodeAndColumn() {
    Flows.runOk(flow("columns: [{name: Q, expression: 'A / B', onError: redirect}]"), env);

    assertThat(Flows.rows(env, "User::Rows")).extracting(r -> r.get("Q")).containsExactly(5, null);
    assertThat(Flows.rows(env, "User::Errors"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r).containsEntry("Name", "bob").containsEntry("ErrorColumn", "Q");
              assertThat(r)
                  .containsEntry("ErrorCode", ErrorCodes.EXPRESSION_FAILED)
                  .doesNotContainKey("Q");
            });
  }

  @Test
  void ignoredFailuresGiveNull() {
    Flows.runOk(flow("columns: [{name: Q, expression: 'A / B', onError: ignore}]"), env);

    assertThat(Flows.rows(env, "User::Rows"))
        .extracting(r -> r.get("Q"))
        .containsExactly(5, null, null);
    assertThat(Flows.rows(env, "User::Errors")).isEmpty();
  }

  @Test
  void typeErrorsAndUnknownColumnsAreFoundWhenPlanning() {
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(flow("columns: [{name: Q, expression: 'A + Name'}]")), env))
        .isInstanceOf(DataFlowException.class)
        .hasMessageContaining("component 'Compute' (DerivedColumn)")
        .hasMessageContaining("expression of column 'Q'");
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(flow("columns: [{name: Q, expression: 'Missing + 1'}]")), env))
        .hasMessageContaining("Missing");
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(flow("columns: [{name: A, expression: '1'}]")), env))
        .hasMessageContaining("add 'replace: true'");
  }
}
