package io.sluice.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortTest {

  @TempDir Path temp;

  private static final String SORT =
      """
      bufferRows: 100
      components:
        - {name: Read, type: FlatFileSource, connection: input}
        - {name: Order, type: Sort, input: Read, keys: [K, V desc], removeDuplicates: %s}
        - {name: Keep, type: RecordsetDestination, input: Order, variable: Rows}
      """;

  @Test
  void sortsByKeysWithNullsFirstAndRemovesDuplicates() throws Exception {
    Path file = Flows.file(temp, "s.txt", "b,1\na,1\n,9\na,2\nb,1\n", StandardCharsets.US_ASCII);
    var env =
        Flows.environment(temp)
            .flatFile(
                "input",
                file,
                Flows.settings("{retainNulls: true, columns: [{name: K}, {name: V, type: DT_I4}]}"))
            .build();
    var plan = DataFlowPlanner.plan(Flows.task(SORT.formatted("false")), env);
    assertThat(plan.schema("Order.Output -> Keep").sortedBy()).hasSize(2);

    plan.run();
    assertThat(pairs(Flows.rows(env, "User::Rows")))
        .containsExactly("null9", "a2", "a1", "b1", "b1");

    Flows.runOk(SORT.formatted("true"), env);
    assertThat(pairs(Flows.rows(env, "User::Rows"))).containsExactly("null9", "a2", "a1", "b1");
  }

  /** SSIS names columns with spaces ("Copy of Name"); only a last asc/desc is a direction. */
  @Test
  void keysMayNameColumnsWithSpaces() throws Exception {
    Path file = Flows.file(temp, "s.txt", "b,1\na,1\na,2\n", StandardCharsets.US_ASCII);
    var env =
        Flows.environment(temp)
            .flatFile(
                "input",
                file,
                Flows.settings("{columns: [{name: Copy of K}, {name: Value desc, type: DT_I4}]}"))
            .build();

    Flows.runOk(
        SORT.replace("keys: [K, V desc]", "keys: [Copy of K, Value desc desc]").formatted("false"),
        env);

    assertThat(Flows.rows(env, "User::Rows"))
        .extracting(r -> r.get("Copy of K") + "" + r.get("Value desc"))
        .containsExactly("a2", "a1", "b1");
  }

  @Test
  void spillsPastItsMemoryBudgetAndStillSortsEverything() throws Exception {
    int n = 20_000;
    Path file = temp.resolve("many.txt");
    Files.write(
        file,
        (Iterable<String>)
            Stream.iterate(0, i -> i + 1).limit(n).map(i -> (i * 7919 % n) + ",x" + i)::iterator);
    Path spill = Files.createDirectories(temp.resolve("spill"));
    var events = new Flows.Events();
    var env =
        Flows.environment(spill)
            .events(events)
            .memoryBudget(200_000) // about 1,500 rows: several runs on disk
            .flatFile("input", file, Flows.settings("columns: [{name: K, type: DT_I4}, {name: V}]"))
            .build();

    Flows.runOk(SORT.formatted("false").replace("keys: [K, V desc]", "keys: [K]"), env);

    List<Map<String, Object>> rows = Flows.rows(env, "User::Rows");
    assertThat(rows).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(rows.get(i).get("K")).isEqualTo(i);
    }
    assertThat(events.messages())
        .anyMatch(m -> m.matches("Sort spilled \\d+ sorted runs to disk."));
    try (Stream<Path> left = Files.list(spill)) {
      assertThat(left).as("run files are deleted").isEmpty();
    }
  }

  private static List<String> pairs(List<Map<String, Object>> rows) {
    return rows.stream().map(r -> String.valueOf(r.get("K")) + r.get("V")).toList();
  }
}
