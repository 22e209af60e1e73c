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

/** Unpivot and Pivot on the tutorial rates, and SSIS's sales example for NULLs and duplicates. */
class PivotTest {

  @TempDir Path temp;
  private SimpleDataFlowEnvironment env;

  private static final String UNPIVOT =
      """
          - name: Rate rows
            type: Unpivot
            input: Read
            pivotKeyColumn: RateType
            columns:
              - {input: AverageRate, destination: Rate, pivotKeyValue: Average}
              - {input: EndOfDayRate, destination: Rate, pivotKeyValue: EndOfDay}
      """;

  @BeforeEach
  void files() throws Exception {
    // SSIS's page: a customer's product quantities; Ham is NULL for Kate
    Path sales =
        Flows.file(
            temp,
            "sales.txt",
            "Fred,Ham,2\nFred,Soda,6\nKate,Soda,1\nKate,Milk,2\nKate,Milk,5\n",
            StandardCharsets.US_ASCII);
    Path wide =
        Flows.file(temp, "wide.txt", "Fred,2,6\nKate,,1\nNone,,\n", StandardCharsets.US_ASCII);
    env =
        Flows.environment(temp)
            .flatFile("rates", TutorialRates.FILE, TutorialRates.settings())
            .flatFile(
                "sales",
                sales,
                Flows.settings(
                    "columns: [{name: Customer, type: 'DT_WSTR,10'}, {name: Product, type: 'DT_WSTR,10'}, {name: Qty, type: DT_I4}]"))
            .flatFile(
                "wide",
                wide,
                Flows.settings(
                    "{retainNulls: true, columns: [{name: Customer, type: 'DT_WSTR,10'}, {name: Ham, type: DT_I4}, {name: Soda, type: DT_I4}]}"))
            .build();
  }

  @Test
  void unpivotGivesOneRowPerRateInInputOrder() {
    Flows.runOk(
        """
        components:
          - {name: Read, type: FlatFileSource, connection: rates}
        %s
          - {name: Keep, type: RecordsetDestination, input: Rate rows, variable: Rows}
        """
            .formatted(UNPIVOT.indent(-2)),
        env);

    List<Map<String, Object>> rows = Flows.rows(env, "User::Rows");
    assertThat(rows).hasSize(2 * TutorialRates.ROWS);
    assertThat(rows.get(0).keySet())
        .containsExactly("CurrencyID", "CurrencyDate", "Rate", "RateType");
    assertThat(rows.get(0)).containsEntry("RateType", "Average");
    assertThat(rows.get(1)).containsEntry("RateType", "EndOfDay");
    assertThat(rows.get(1).get("Rate")).isEqualTo(0.99980004);
    assertThat(rows.get(0).get("CurrencyDate")).isEqualTo(rows.get(1).get("CurrencyDate"));
  }

  @Test
  void unpivotLeavesOutNullValuesAsSsisDoes() {
    Flows.runOk(
        """
        components:
          - {name: Read, type: FlatFileSource, connection: wide}
          - name: Long
            type: Unpivot
            input: Read
            pivotKeyColumn: Product
            columns:
              - {input: Ham, destination: Qty, pivotKeyValue: Ham}
              - {input: Soda, destination: Qty, pivotKeyValue: Soda}
          - {name: Keep, type: RecordsetDestination, input: Long, variable: Rows}
        """,
        env);

    assertThat(Flows.rows(env, "User::Rows"))
        .extracting(r -> r.get("Customer") + ":" + r.get("Product") + "=" + r.get("Qty"))
        .containsExactly("Fred:Ham=2", "Fred:Soda=6", "Kate:Soda=1");
  }

  @Test
  void pivotTurnsTheUnpivotedRatesBackIntoTheInput() {
    Flows.runOk(
        """
        components:
          - {name: Read, type: FlatFileSource, connection: rates}
          - {name: Original, type: Multicast, input: Read}
          - {name: Keep original, type: RecordsetDestination, input: {from: Original, output: Keep}, variable: Other}
        %s
          - name: Back
            type: Pivot
            input: Rate rows
            setKey: [CurrencyDate]
            passThrough: [CurrencyID]
            pivotKey: RateType
            pivotValue: Rate
            columns:
              - {name: AverageRate, pivotKeyValue: Average}
              - {name: EndOfDayRate, pivotKeyValue: EndOfDay}
          - {name: Keep, type: RecordsetDestination, input: Back, variable: Rows}
        """
            .formatted(
                UNPIVOT
                    .indent(-2)
                    .replace("input: Read", "input: {from: Original, output: Pivot}")),
        env);

    List<Map<String, Object>> rows = Flows.rows(env, "User::Rows");
    List<Map<String, Object>> original = Flows.rows(env, "User::Other");
    assertThat(rows).hasSize(TutorialRates.ROWS);
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> r = rows.get(i);
      Map<String, Object> o = original.get(i);
      assertThat(r.get("CurrencyDate")).isEqualTo(o.get("CurrencyDate"));
      assertThat(r.get("CurrencyID")).isEqualTo(o.get("CurrencyID"));
      assertThat(r.get("AverageRate")).isEqualTo(o.get("AverageRate"));
      assertThat(r.get("EndOfDayRate")).isEqualTo(o.get("EndOfDayRate"));
    }
  }

  private static final String PIVOT_SALES =
      """
      components:
        - {name: Read, type: FlatFileSource, connection: sales}
        - name: By customer
          type: Pivot
          input: Read
          setKey: [Customer]
          pivotKey: Product
          pivotValue: Qty
          columns: [{name: Ham, pivotKeyValue: Ham}, {name: Soda, pivotKeyValue: Soda}, {name: Milk, pivotKeyValue: Milk}]
          %s
        - {name: Keep, type: RecordsetDestination, input: By customer, variable: Rows}
        - {name: Errors, type: RecordsetDestination, input: {from: By customer, output: Error}, variable: Errors}
      """;

  @Test
  void aDuplicatePivotKeyValueFailsTheFlowNamingTheComponentAndTheValue() {
    DataFlowResult result = Flows.run(PIVOT_SALES.formatted(""), env);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.failure())
        .contains("By customer")
        .contains("duplicate pivot key value 'Milk' for one set key");
  }

  @Test
  void redirectedDuplicatesGoToTheErrorOutputWithSsisCode() {
    Flows.runOk(PIVOT_SALES.formatted("onError: redirect"), env);

    assertThat(Flows.rows(env, "User::Rows"))
        .extracting(
            r -> r.get("Customer") + " " + r.get("Ham") + " " + r.get("Soda") + " " + r.get("Milk"))
        .containsExactly("Fred 2 6 null", "Kate null 1 2");
    List<Map<String, Object>> errors = Flows.rows(env, "User::Errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0))
        .containsEntry("Qty", 5)
        .containsEntry("ErrorCode", -1071636273)
        .containsEntry("ErrorColumn", "Product");
  }

  @Test
  void anUnknownPivotKeyValueIsAnErrorUnlessIgnored() {
    String flow =
        PIVOT_SALES.formatted("onError: ignore").replace(", {name: Milk, pivotKeyValue: Milk}", "");
    Flows.runOk(flow, env);
    assertThat(Flows.rows(env, "User::Rows"))
        .extracting(r -> r.get("Customer") + " " + r.get("Ham") + " " + r.get("Soda"))
        .containsExactly("Fred 2 6", "Kate null 1");

    DataFlowResult failed =
        Flows.run(
            PIVOT_SALES.formatted("").replace(", {name: Milk, pivotKeyValue: Milk}", ""), env);
    assertThat(failed.failure())
        .contains("pivot key value 'Milk' is not the pivotKeyValue of any column");
  }

  @Test
  void badColumnsAndTypesAreRefusedNamingTheComponent() {
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(
                        PIVOT_SALES
                            .formatted("")
                            .replace("pivotValue: Qty", "pivotValue: Quantity")),
                    env))
        .hasMessageContaining("component 'By customer' (Pivot)")
        .hasMessageContaining("column 'Quantity' does not exist");
    String mixed =
        """
        components:
          - {name: Read, type: FlatFileSource, connection: rates}
          - name: Rate rows
            type: Unpivot
            input: Read
            pivotKeyColumn: RateType
            columns:
              - {input: AverageRate, destination: Rate, pivotKeyValue: Average}
              - {input: CurrencyID, destination: Rate, pivotKeyValue: Code}
        """;
    assertThatThrownBy(() -> DataFlowPlanner.plan(Flows.task(mixed), env))
        .hasMessageContaining("component 'Rate rows' (Unpivot)")
        .hasMessageContaining("column 'CurrencyID' is DT_WSTR")
        .hasMessageContaining("destination 'Rate', which is DT_R8");
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(mixed.replace("pivotKeyColumn", "pivotKeyColum")), env))
        .hasMessageContaining("component 'Rate rows' (Unpivot)")
        .hasMessageContaining("did you mean 'pivotKeyColumn'?");
  }

  @Test
  void ignoredUnmatchedKeysAreListedAtTheEndAndTheKeyColumnTakesItsDeclaredType() {
    Flows.Events events = new Flows.Events();
    SimpleDataFlowEnvironment withEvents =
        Flows.environment(temp)
            .events(events)
            .flatFile("rates", TutorialRates.FILE, TutorialRates.settings())
            .build();
    DataFlowResult result =
        Flows.runOk(
            """
            components:
              - {name: Read, type: FlatFileSource, connection: rates}
            %s    pivotKeyType: 'DT_WSTR,255'
              - name: Keys only
                type: Pivot
                input: Rate rows
                setKey: [CurrencyDate]
                pivotKey: RateType
                pivotValue: Rate
                ignoreUnmatchedKeys: true
              - {name: Keep, type: RecordsetDestination, input: Keys only, variable: Rows}
            """
                .formatted(UNPIVOT.indent(-2)),
            withEvents);

    assertThat(result.rows("Keys only.Output -> Keep")).isEqualTo(TutorialRates.ROWS);
    assertThat(Flows.rows(withEvents, "User::Rows").get(0)).containsOnlyKeys("CurrencyDate");
    assertThat(events.messages())
        .contains("pivot key values no column takes (ignored): Average, EndOfDay");
  }
}
