package io.sluice.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregateTest {

  @TempDir Path temp;

  private static final String COLUMNS =
      "columns: [{name: G}, {name: Amount, type: 'DT_NUMERIC,10,2'}, {name: Qty, type: DT_I4},"
          + " {name: Day, type: DT_DBDATE}]";

  private SimpleDataFlowEnvironment env(String content) throws Exception {
    Path file = Flows.file(temp, "a.txt", content, StandardCharsets.US_ASCII);
    return Flows.environment(temp).flatFile("input", file, Flows.settings(COLUMNS)).build();
  }

  private static final String AGGREGATE =
      """
      components:
        - {name: Read, type: FlatFileSource, connection: input}
        - name: Totals
          type: Aggregate
          input: Read
          groupBy: [%s]
          aggregates:
            - {operation: sum, input: Amount, output: Total}
            - {operation: avg, input: Qty, output: AvgQty}
            - {operation: count, output: Rows}
            - {operation: count, input: Qty, output: QtyCount}
            - {operation: countDistinct, input: Qty, output: Distinct}
            - {operation: min, input: Day, output: First}
            - {operation: max, input: Day, output: Last}
        - {name: Keep, type: RecordsetDestination, input: Totals, variable: Rows}
      """;

  @Test
  void groupsAndSkipsNulls() throws Exception {
    var env =
        env(
            "a,1.50,2,2024-01-02\n"
                + "a,2.25,,2024-03-01\n"
                + "b,,4,2023-12-31\n"
                + "a,1.00,2,\n"
                + "b,,,\n");

    Flows.runOk(AGGREGATE.formatted("G"), env);

    List<Map<String, Object>> rows =
        Flows.rows(env, "User::Rows").stream()
            .sorted(Comparator.comparing(r -> (String) r.get("G")))
            .toList();
    assertThat(rows.get(0))
        .containsEntry("G", "a")
        .containsEntry("Total", new BigDecimal("4.75"))
        .containsEntry("AvgQty", 2.0)
        .containsEntry("Rows", 3L)
        .containsEntry("QtyCount", 2L)
        .containsEntry("Distinct", 1L)
        .containsEntry("First", LocalDate.of(2024, 1, 2))
        .containsEntry("Last", LocalDate.of(2024, 3, 1));
    assertThat(rows.get(1))
        .containsEntry("G", "b")
        .containsEntry("Total", null)
        .containsEntry("Rows", 2L)
        .containsEntry("QtyCount", 1L);
  }

  @Test
  void withoutGroupsGivesOneRowEvenForNoInput() throws Exception {
    var env = env("");

    Flows.runOk(AGGREGATE.formatted(""), env);

    assertThat(Flows.rows(env, "User::Rows"))
        .singleElement()
        .satisfies(r -> assertThat(r).containsEntry("Rows", 0L).containsEntry("Total", null));
  }

  @Test
  void spillsNewGroupsPastItsMemoryBudgetAndStaysExact() throws Exception {
    int groups = 30_000;
    Path file = temp.resolve("many.txt");
    // Every group gets three rows, far apart in the file, with quantities g, g+1 and g again.
    Files.write(
        file,
        (Iterable<String>)
            Stream.iterate(0, i -> i + 1)
                    .limit(3L * groups)
                    .map(
                        i ->
                            "g"
                                + (i % groups)
                                + ",1.00,"
                                + (i % groups + (i / groups == 1 ? 1 : 0))
                                + ",")
                ::iterator);
    Path spill = Files.createDirectories(temp.resolve("spill"));
    var events = new Flows.Events();
    var env =
        Flows.environment(spill)
            .events(events)
            .memoryBudget(300_000)
            .flatFile("input", file, Flows.settings(COLUMNS))
            .build();

    Flows.runOk(AGGREGATE.formatted("G"), env);

    List<Map<String, Object>> rows = Flows.rows(env, "User::Rows");
    assertThat(rows).hasSize(groups);
    assertThat(rows)
        .allSatisfy(
            r -> {
              int g = Integer.parseInt(((String) r.get("G")).substring(1));
              assertThat(r).containsEntry("Rows", 3L).containsEntry("Distinct", 2L);
              assertThat(r).containsEntry("Total", new BigDecimal("3.00"));
              assertThat((Double) r.get("AvgQty"))
                  .isEqualTo(g + 1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
            });
    assertThat(events.messages()).anyMatch(m -> m.contains("spilled rows of new groups to disk"));
    try (Stream<Path> left = Files.list(spill)) {
      assertThat(left).as("partition files are deleted").isEmpty();
    }
  }

  @Test
  void sumNeedsANumber() throws Exception {
    var env = env("a,1,1,\n");
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(AGGREGATE.formatted("G").replace("input: Amount", "input: G")), env))
        .hasMessageContaining("sum needs a numeric column; 'Total' is DT_STR,50,65001");
  }
}
