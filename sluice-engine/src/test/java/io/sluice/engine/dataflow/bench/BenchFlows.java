package io.sluice.engine.dataflow.bench;

import io.sluice.engine.project.TaskDefinition;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The benchmark's data flows, written in the YAML users write (see docs/data-flow.md). */
final class BenchFlows {

  private BenchFlows() {}

  /** The flat file connection settings of the lineitem file. */
  static Map<String, Object> lineitemFormat() {
    StringBuilder yaml =
        new StringBuilder("format: delimited\ndelimiter: '|'\ncodePage: 1252\ncolumns:\n");
    for (int i = 0; i < LineitemFile.COLUMNS.size(); i++) {
      yaml.append("  - {name: ")
          .append(LineitemFile.COLUMNS.get(i))
          .append(", type: '")
          .append(LineitemFile.TYPES.get(i))
          .append("'}\n");
    }
    return new Yaml().load(yaml.toString());
  }

  /** CSV -> Derived Column -> Conditional Split -> the destination given. */
  static TaskDefinition transformAndLoad(String destination) {
    return task(
        """
        components:
          - name: Read lineitem
            type: FlatFileSource
            connection: lineitem
          - name: Price after discount
            type: DerivedColumn
            input: Read lineitem
            columns:
              - name: disc_price
                expression: l_extendedprice * (1 - l_discount)
          - name: Check
            type: ConditionalSplit
            input: Price after discount
            conditions:
              - output: Invalid
                expression: l_quantity <= 0 || l_shipdate > l_receiptdate
            defaultOutput: Valid
          - name: Store
            input: {from: Check, output: Valid}
        """
            + destination.indent(4));
  }

  /** Sort the whole file by ship date and order, then aggregate like TPC-H Q1. */
  static TaskDefinition sortAndAggregate() {
    return task(
        """
        components:
          - name: Read lineitem
            type: FlatFileSource
            connection: lineitem
          - name: Both
            type: Multicast
            input: Read lineitem
          - name: Sort by ship date
            type: Sort
            input: {from: Both, output: ToSort}
            keys: [l_shipdate, l_orderkey, l_linenumber]
          - name: Sorted rows
            type: DiscardDestination
            input: Sort by ship date
          - name: Pricing summary
            type: Aggregate
            input: {from: Both, output: ToAggregate}
            groupBy: [l_returnflag, l_linestatus]
            aggregates:
              - {operation: sum, input: l_quantity, output: sum_qty}
              - {operation: sum, input: l_extendedprice, output: sum_base_price}
              - {operation: avg, input: l_discount, output: avg_disc}
              - {operation: count, output: count_order}
              - {operation: countDistinct, input: l_suppkey, output: suppliers}
              - {operation: min, input: l_shipdate, output: first_ship}
              - {operation: max, input: l_shipdate, output: last_ship}
          - name: Summary
            type: DiscardDestination
            input: Pricing summary
        """);
  }

  static TaskDefinition task(String yaml) {
    Map<String, Object> properties =
        new LinkedHashMap<>(new Yaml().<Map<String, Object>>load(yaml));
    return new TaskDefinition(
        "Bench",
        "DataFlow",
        null,
        false,
        List.of(),
        TaskDefinition.ConstraintMode.ALL,
        List.of(),
        Map.of(),
        Map.of(),
        properties,
        null);
  }

  static Path target() {
    return Path.of(System.getProperty("bench.dir", "target/bench"));
  }
}
