package io.sluice.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merge Join and Merge, on inputs sorted by a Sort and by a source that declares its order. */
class MergeJoinTest {

  @TempDir Path temp;
  private SimpleDataFlowEnvironment env;

  @BeforeEach
  void files() throws Exception {
    Path orders =
        Flows.file(temp, "o.txt", "3,c1\n1,a1\n1,a2\n,n1\n4,d1\n", StandardCharsets.US_ASCII);
    Path names =
        Flows.file(temp, "n.txt", "1,Ann\n1,Anna\n2,Bob\n3,Cy\n", StandardCharsets.US_ASCII);
    env =
        Flows.environment(temp)
            .flatFile(
                "orders",
                orders,
                Flows.settings("columns: [{name: Id, type: DT_I4}, {name: Item}]"))
            .flatFile(
                "names", names, Flows.settings("columns: [{name: Key, type: DT_I4}, {name: Name}]"))
            .build();
  }

  private static String join(String type) {
    return """
        components:
          - {name: Orders, type: FlatFileSource, connection: orders}
          - {name: Sorted orders, type: Sort, input: Orders, keys: [Id]}
          - {name: Names, type: FlatFileSource, connection: names, sortedBy: [Key]}
          - name: Join
            type: MergeJoin
            inputs: [Sorted orders, Names]
            joinType: %s
            keys: [{left: Id, right: Key}]
          - {name: Keep, type: RecordsetDestination, input: Join, variable: Rows}
        """
        .formatted(type);
  }

  @Test
  void innerJoinPairsEveryMatchingRowIncludingDuplicates() {
    Flows.runOk(join("inner"), env);
    assertThat(texts()).containsExactly("a1 Ann", "a1 Anna", "a2 Ann", "a2 Anna", "c1 Cy");
  }

  @Test
  void leftJoinKeepsUnmatchedLeftRowsAndNullKeys() {
    Flows.runOk(join("left"), env);
    assertThat(texts())
        .containsExactly("n1 null", "a1 Ann", "a1 Anna", "a2 Ann", "a2 Anna", "c1 Cy", "d1 null");
  }

  @Test
  void fullJoinAlsoKeepsUnmatchedRightRows() {
    Flows.runOk(join("full"), env);
    assertThat(texts()).contains("null Bob", "d1 null", "n1 null").hasSize(8);
  }

  @Test
  void refusesAnUnsortedInput() {
    String flow =
        join("inner").replace("inputs: [Sorted orders, Names]", "inputs: [Orders, Names]");
    assertThatThrownBy(() -> DataFlowPlanner.plan(Flows.task(flow), env))
        .hasMessageContaining("component 'Join' (MergeJoin)")
        .hasMessageContaining("the left input is not sorted by [Id]; put a Sort before it");
  }

  @Test
  void mergeInterleavesTwoSortedInputs() {
    Flows.runOk(
        """
        components:
          - {name: Orders, type: FlatFileSource, connection: orders}
          - {name: Sorted A, type: Sort, input: Orders, keys: [Id]}
          - {name: Orders again, type: FlatFileSource, connection: orders}
          - {name: Sorted B, type: Sort, input: Orders again, keys: [Id]}
          - {name: Both, type: Merge, inputs: [Sorted A, Sorted B]}
          - {name: Keep, type: RecordsetDestination, input: Both, variable: Rows}
        """,
        env);
    List<Object> ids = Flows.rows(env, "User::Rows").stream().map(r -> r.get("Id")).toList();
    assertThat(ids).containsExactly(null, null, 1, 1, 1, 1, 3, 3, 4, 4);
  }

  private List<String> texts() {
    List<Map<String, Object>> rows = Flows.rows(env, "User::Rows");
    return rows.stream().map(r -> r.get("Item") + " " + r.get("Name")).toList();
  }
}
