package io.sluice.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.dataflow.pipeline.ErrorCodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Character Map in a flow: the tutorial rates, and a truncation redirected to Error. */
class CharacterMapTest {

  @TempDir Path temp;
  private SimpleDataFlowEnvironment env;

  @BeforeEach
  void files() throws Exception {
    Path names = Flows.file(temp, "names.txt", "ガ\nア\n", StandardCharsets.UTF_8);
    env =
        Flows.environment(temp)
            .flatFile("rates", TutorialRates.FILE, TutorialRates.settings())
            .flatFile(
                "names",
                names,
                Flows.settings("{encoding: UTF-8, columns: [{name: Name, type: 'DT_WSTR,1'}]}"))
            .build();
  }

  @Test
  void mapsTheTutorialCurrencyInPlaceAndIntoNewColumns() {
    Flows.runOk(
        """
        components:
          - {name: Read, type: FlatFileSource, connection: rates}
          - name: Map
            type: CharacterMap
            input: Read
            columns:
              - {input: CurrencyID, operations: [lowercase], output: Lower}
              - {input: CurrencyID, operations: [fullWidth, katakana], output: Wide}
              - {input: CurrencyID, operations: [byteReversal]}
          - {name: Keep, type: RecordsetDestination, input: Map, variable: Rows}
        """,
        env);

    List<Map<String, Object>> rows = Flows.rows(env, "User::Rows");
    assertThat(rows).hasSize(TutorialRates.ROWS);
    assertThat(rows.get(0))
        .containsEntry("Lower", "usd")
        .containsEntry("Wide", "ＵＳＤ")
        .containsEntry("CurrencyID", "\u5500\u5300\u4400");
  }

  @Test
  void aMappedValueLongerThanItsColumnIsATruncationRowError() {
    String flow =
        """
        components:
          - {name: Read, type: FlatFileSource, connection: names}
          - name: Narrow
            type: CharacterMap
            input: Read
            columns: [{input: Name, operations: [halfWidth], onError: %s}]
          - {name: Keep, type: RecordsetDestination, input: Narrow, variable: Rows}
          - {name: Errors, type: RecordsetDestination, input: {from: Narrow, output: Error}, variable: Errors}
        """;
    Flows.runOk(flow.formatted("redirect"), env);
    assertThat(Flows.rows(env, "User::Rows")).extracting(r -> r.get("Name")).containsExactly("ｱ");
    assertThat(Flows.rows(env, "User::Errors"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .containsEntry("Name", "ガ")
                    .containsEntry("ErrorCode", ErrorCodes.TRUNCATED)
                    .containsEntry("ErrorColumn", "Name"));

    Flows.runOk(flow.formatted("ignore"), env);
    assertThat(Flows.rows(env, "User::Rows"))
        .extracting(r -> r.get("Name"))
        .containsExactly("ｶ", "ｱ");

    DataFlowResult failed = Flows.run(flow.formatted("fail"), env);
    assertThat(failed.failure()).contains("Narrow").contains("column 'Name'").contains("truncated");
  }

  @Test
  void aColumnThatIsNotTextOrDoesNotExistIsRefusedNamingTheComponent() {
    String flow =
        """
        components:
          - {name: Read, type: FlatFileSource, connection: rates}
          - {name: Map, type: CharacterMap, input: Read, columns: [{input: %s, operations: [uppercase]}]}
        """;
    assertThatThrownBy(() -> DataFlowPlanner.plan(Flows.task(flow.formatted("AverageRate")), env))
        .hasMessageContaining("component 'Map' (CharacterMap)")
        .hasMessageContaining("column 'AverageRate' is DT_R8; a CharacterMap maps string columns");
    assertThatThrownBy(() -> DataFlowPlanner.plan(Flows.task(flow.formatted("Currency")), env))
        .hasMessageContaining("component 'Map' (CharacterMap)")
        .hasMessageContaining("column 'Currency' does not exist");
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(
                        flow.formatted("CurrencyID")
                            .replace("[uppercase]", "[traditionalChinese]")),
                    env))
        .hasMessageContaining("component 'Map' (CharacterMap)")
        .hasMessageContaining("operation 'traditionalChinese' is not supported by Sluice");
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(flow.formatted("CurrencyID").replace("operations:", "operation:")),
                    env))
        .hasMessageContaining("did you mean 'operations'?");
  }
}
