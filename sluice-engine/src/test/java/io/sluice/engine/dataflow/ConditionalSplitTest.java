package io.sluice.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConditionalSplitTest {

  @TempDir Path temp;
  private SimpleDataFlowEnvironment env;

  @BeforeEach
  void numbers() throws Exception {
    Path file = Flows.file(temp, "n.txt", "5,a\n50,b\n500,c\n,d\n0,e\n", StandardCharsets.US_ASCII);
    env =
        Flows.environment(temp)
            .flatFile("input", file, Flows.settings("columns: [{name: N, type: DT_I4}, {name: S}]"))
            .build();
  }

  private static final String SPLIT =
      """
      components:
        - {name: Read, type: FlatFileSource, connection: input}
        - name: Split
          type: ConditionalSplit
          input: Read
          onError: %s
          conditions:
            - {output: Big, expression: 'N > 10'}
            - {output: Huge, expression: 'N > 100'}
            - {output: Odd, expression: '100 / N == 20'}
          defaultOutput: Rest
        - {name: Big rows, type: RecordsetDestination, input: {from: Split, output: Big}, variable: Rows}
        - {name: Rest rows, type: RecordsetDestination, input: {from: Split, output: Rest}, variable: Other}
        - {name: Error rows, type: RecordsetDestination, input: {from: Split, output: Error}, variable: Errors}
      """;

  @Test
  void firstTrueConditionWinsAndNullConditionsAreNotTrue() {
    DataFlowResult result = Flows.runOk(SPLIT.formatted("redirect"), env);

    assertThat(Flows.rows(env, "User::Rows")).extracting(r -> r.get("N")).containsExactly(50, 500);
    assertThat(Flows.rows(env, "User::Other"))
        .extracting(r -> r.get("N"))
        .as("5 matches Odd, which nobody reads; NULL falls to the default")
        .containsExactly((Object) null);
    assertThat(Flows.rows(env, "User::Errors"))
        .singleElement()
        .satisfies(r -> assertThat(r).containsEntry("N", 0).containsEntry("ErrorColumn", "Odd"));
    assertThat(result.rows("Split.Big -> Big rows")).isEqualTo(2);
  }

  @Test
  void failsOnAnExpressionErrorByDefault() {
    assertThat(Flows.run(SPLIT.formatted("fail"), env).failure()).contains("component 'Split'");
  }

  @Test
  void conditionsMustBeBoolean() {
    String flow =
        """
        components:
          - {name: Read, type: FlatFileSource, connection: input}
          - {name: Split, type: ConditionalSplit, input: Read, conditions: [{output: X, expression: 'N + 1'}]}
        """;
    assertThatThrownBy(() -> DataFlowPlanner.plan(Flows.task(flow), env))
        .hasMessageContaining("condition 'X' gives DT_I4; a condition must be DT_BOOL");
  }
}
