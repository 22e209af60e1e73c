package io.sluice.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copy Column, Multicast, Union All and Row Count: the components that never fail a row. */
class RowTransformsTest {

  @TempDir Path temp;
  private SimpleDataFlowEnvironment env;

  @BeforeEach
  void files() throws Exception {
    Path a = Flows.file(temp, "a.txt", "1,x\n2,\n", StandardCharsets.US_ASCII);
    Path b = Flows.file(temp, "b.txt", "y,3\n", StandardCharsets.US_ASCII);
    env =
        Flows.environment(temp)
            .flatFile(
                "a",
                a,
                Flows.settings("{retainNulls: true, columns: [{name: N, type: DT_I4}, {name: S}]}"))
            .flatFile("b", b, Flows.settings("columns: [{name: S}, {name: N, type: DT_I4}]"))
            .build();
  }

  @Test
  void copyColumnAddsTheSameValuesUnderANewName() {
    Flows.runOk(
        """
        components:
          - {name: Read, type: FlatFileSource, connection: a}
          - {name: Copy, type: CopyColumn, input: Read, columns: [{input: S, output: S2}]}
          - {name: Keep, type: RecordsetDestination, input: Copy, variable: Rows}
        """,
        env);

    assertThat(Flows.rows(env, "User::Rows"))
        .extracting(r -> r.get("S2"))
        .containsExactly("x", null);
  }

  @Test
  void multicastSendsEveryRowToEveryOutputAndRowCountCountsThem() {
    DataFlowResult result =
        Flows.runOk(
            """
            components:
              - {name: Read, type: FlatFileSource, connection: a}
              - {name: Both, type: Multicast, input: Read}
              - {name: Count, type: RowCount, input: {from: Both, output: ToCount}, variable: Count}
              - {name: Keep, type: RecordsetDestination, input: {from: Both, output: ToKeep}, variable: Rows}
              - {name: Also, type: RecordsetDestination, input: Count, variable: Other}
            """,
            env);

    assertThat(env.variable("User::Count")).isEqualTo(2);
    assertThat(Flows.rows(env, "User::Rows")).hasSize(2);
    assertThat(Flows.rows(env, "User::Other")).hasSize(2);
    assertThat(result.rows("Both.ToCount -> Count")).isEqualTo(2);
    assertThat(result.rows("Both.ToKeep -> Keep")).isEqualTo(2);
  }

  @Test
  void unionAllMatchesColumnsByNameAndFillsMissingOnesWithNull() {
    Flows.runOk(
        """
        components:
          - {name: A, type: FlatFileSource, connection: a}
          - {name: B, type: FlatFileSource, connection: b}
          - {name: Only N, type: DataConversion, input: B, conversions: [{input: N, output: M, type: DT_I8}]}
          - {name: All, type: UnionAll, inputs: [A, Only N]}
          - {name: Keep, type: RecordsetDestination, input: All, variable: Rows}
        """,
        env);

    assertThat(Flows.rows(env, "User::Rows"))
        .extracting(r -> r.get("N") + "/" + r.get("S"))
        .containsExactlyInAnyOrder("1/x", "2/null", "3/y");
  }

  @Test
  void unionAllRefusesColumnsOfDifferentTypes() {
    String flow =
        """
        components:
          - {name: A, type: FlatFileSource, connection: a}
          - {name: B, type: FlatFileSource, connection: b}
          - {name: Wide, type: DataConversion, input: B, conversions: [{input: N, output: N2, type: DT_I8}]}
          - {name: Rename, type: DerivedColumn, input: A, columns: [{name: N2, expression: 'N'}]}
          - {name: All, type: UnionAll, inputs: [Rename, Wide]}
        """;
    assertThatThrownBy(() -> DataFlowPlanner.plan(Flows.task(flow), env))
        .hasMessageContaining("component 'All' (UnionAll)")
        .hasMessageContaining("column 'N2' is DT_I4 on input 1 but DT_I8 on input 2");
  }

  @Test
  void rowCountNeedsAnExistingVariable() {
    String flow =
        """
        components:
          - {name: A, type: FlatFileSource, connection: a}
          - {name: Count, type: RowCount, input: A, variable: User::Nope}
        """;
    assertThatThrownBy(() -> DataFlowPlanner.plan(Flows.task(flow), env))
        .hasMessageContaining("variable 'User::Nope' does not exist");
  }
}
