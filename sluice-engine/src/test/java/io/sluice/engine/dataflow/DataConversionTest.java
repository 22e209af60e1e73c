package io.sluice.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.dataflow.pipeline.ErrorCodes;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataConversionTest {

  @TempDir Path temp;
  private SimpleDataFlowEnvironment env;

  @BeforeEach
  void text() throws Exception {
    Path file =
        Flows.file(
            temp, "t.txt", "12.345|2024-01-31\nabc|1/2/2005\n|\n", StandardCharsets.US_ASCII);
    env =
        Flows.environment(temp)
            .flatFile(
                "input",
                file,
                Flows.settings(
                    "{delimiter: '|', retainNulls: true, columns: [{name: Amount}, {name: Day}]}"))
            .build();
  }

  private String flow(String onError) {
    return """
        components:
          - {name: Read, type: FlatFileSource, connection: input}
          - name: Convert
            type: DataConversion
            input: Read
            conversions:
              - {input: Amount, output: AmountNum, type: 'DT_NUMERIC,10,2', onError: %s}
              - {input: Day, output: DayDate, type: DT_DBDATE}
          - {name: Keep, type: RecordsetDestination, input: Convert, variable: Rows}
          - {name: Bad, type: RecordsetDestination, input: {from: Convert, output: Error}, variable: Errors}
        """
        .formatted(onError);
  }

  @Test
  void convertsAndRedirectsValuesThatDoNotConvert() {
    Flows.runOk(flow("redirect"), env);

    assertThat(Flows.rows(env, "User::Rows"))
        .extracting(r -> r.get("AmountNum"), r -> r.get("DayDate"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(new BigDecimal("12.35"), LocalDate.of(2024, 1, 31)),
            org.assertj.core.groups.Tuple.tuple(null, null));
    assertThat(Flows.rows(env, "User::Errors"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .containsEntry("Amount", "abc")
                    .containsEntry("ErrorColumn", "AmountNum")
                    .containsEntry("ErrorCode", ErrorCodes.CONVERSION_FAILED));
  }

  @Test
  void failsByDefaultAndIgnoresWhenAsked() {
    assertThat(Flows.run(flow("fail"), env).failure()).contains("component 'Convert'", "abc");

    Flows.runOk(flow("ignore"), env);
    assertThat(Flows.rows(env, "User::Rows"))
        .extracting(r -> r.get("DayDate"))
        .containsExactly(LocalDate.of(2024, 1, 31), LocalDate.of(2005, 1, 2), null);
  }

  @Test
  void refusesConversionsSsisDoesNotAllow() {
    String flow =
        """
        components:
          - {name: Read, type: FlatFileSource, connection: input}
          - {name: A, type: DataConversion, input: Read, conversions: [{input: Day, output: D, type: DT_DBDATE}]}
          - {name: B, type: DataConversion, input: A, conversions: [{input: D, output: T, type: DT_DBTIME}]}
        """;
    assertThatThrownBy(() -> DataFlowPlanner.plan(Flows.task(flow), env))
        .hasMessageContaining("component 'B'")
        .hasMessageContaining("cannot be converted to DT_DBTIME");
  }
}
