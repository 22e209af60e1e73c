package io.sluice.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row Sampling and Percentage Sampling on the tutorial rates (one row per day: dates are ids). */
class SamplingTest {

  @TempDir Path temp;
  private SimpleDataFlowEnvironment env;

  @BeforeEach
  void rates() {
    env =
        Flows.environment(temp)
            .flatFile("rates", TutorialRates.FILE, TutorialRates.settings())
            .build();
  }

  private static String flow(String sampling) {
    return """
        bufferRows: 64
        components:
          - {name: Read, type: FlatFileSource, connection: rates}
          - %s
          - {name: In, type: RecordsetDestination, input: {from: Sample, output: Selected}, variable: Rows}
          - {name: Out, type: RecordsetDestination, input: {from: Sample, output: Unselected}, variable: Other}
        """
        .formatted(sampling);
  }

  private List<LocalDateTime> days(String variable) {
    return Flows.rows(env, variable).stream()
        .map(r -> (LocalDateTime) r.get("CurrencyDate"))
        .toList();
  }

  @Test
  void rowSamplingSelectsExactlyNRowsInInputOrderAndSendsTheRestToUnselected() {
    Flows.runOk(flow("{name: Sample, type: RowSampling, input: Read, rows: 100, seed: 42}"), env);

    List<LocalDateTime> selected = days("User::Rows");
    List<LocalDateTime> unselected = days("User::Other");
    assertThat(selected).hasSize(100).isSortedAccordingTo(Comparator.naturalOrder());
    assertThat(unselected).hasSize(TutorialRates.ROWS - 100);
    Set<LocalDateTime> all = new HashSet<>(selected);
    all.addAll(unselected);
    assertThat(all).hasSize(TutorialRates.ROWS);
    // spread over the input, not the first rows (reservoir sampling, buffers of 64 rows)
    assertThat(selected.get(99)).isAfter(LocalDateTime.of(2007, 1, 1, 0, 0));
    assertThat(selected.get(0)).isBefore(LocalDateTime.of(2005, 7, 1, 0, 0));

    Flows.runOk(flow("{name: Sample, type: RowSampling, input: Read, rows: 100, seed: 42}"), env);
    assertThat(days("User::Rows")).isEqualTo(selected);
    Flows.runOk(flow("{name: Sample, type: RowSampling, input: Read, rows: 100, seed: 43}"), env);
    assertThat(days("User::Rows")).isNotEqualTo(selected);
  }

  @Test
  void rowSamplingGivesEveryRowTheSameChance() {
    // 40 runs of 100 rows from 1,097: each half of the input should hold about half the picks
    int firstHalf = 0;
    for (int seed = 0; seed < 40; seed++) {
      Flows.runOk(
          flow("{name: Sample, type: RowSampling, input: Read, rows: 100, seed: " + seed + "}"),
          env);
      firstHalf +=
          (int)
              days("User::Rows").stream()
                  .filter(d -> d.getYear() == 2005 || d.getYear() == 2006 && d.getMonthValue() <= 6)
                  .count();
    }
    // 546 of 1,097 rows are before July 2006: about 1,991 of 4,000 picks; 5 sigma is ~150
    assertThat(firstHalf).isBetween(1840, 2160);
  }

  @Test
  void rowSamplingOfMoreRowsThanTheInputSelectsThemAll() {
    Flows.runOk(flow("{name: Sample, type: RowSampling, input: Read, rows: 5000}"), env);

    assertThat(days("User::Rows")).hasSize(TutorialRates.ROWS);
    assertThat(days("User::Other")).isEmpty();
  }

  @Test
  void percentageSamplingSelectsAboutThePercentageInOrder() {
    Flows.runOk(
        flow("{name: Sample, type: PercentageSampling, input: Read, percent: 25, seed: 7}"), env);

    List<LocalDateTime> selected = days("User::Rows");
    List<LocalDateTime> unselected = days("User::Other");
    assertThat(selected.size()).isBetween(200, 350);
    assertThat(selected.size() + unselected.size()).isEqualTo(TutorialRates.ROWS);
    assertThat(selected).isSortedAccordingTo(Comparator.naturalOrder());
    assertThat(unselected).isSortedAccordingTo(Comparator.naturalOrder());
    List<LocalDateTime> first = new ArrayList<>(selected);

    Flows.runOk(
        flow("{name: Sample, type: PercentageSampling, input: Read, percent: 25, seed: 7}"), env);
    assertThat(days("User::Rows")).isEqualTo(first);

    Flows.runOk(flow("{name: Sample, type: PercentageSampling, input: Read, percent: 0}"), env);
    assertThat(days("User::Rows")).isEmpty();
    Flows.runOk(flow("{name: Sample, type: PercentageSampling, input: Read, percent: 100}"), env);
    assertThat(days("User::Rows")).hasSize(TutorialRates.ROWS);
  }

  @Test
  void badSettingsAreRefusedNamingTheComponent() {
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(flow("{name: Sample, type: RowSampling, input: Read, rows: ten}")),
                    env))
        .hasMessageContaining("component 'Sample' (RowSampling)")
        .hasMessageContaining("setting 'rows' must be a number, not 'ten'");
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(flow("{name: Sample, type: RowSampling, input: Read}")), env))
        .hasMessageContaining("component 'Sample' (RowSampling)")
        .hasMessageContaining("needs 'rows'");
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(
                        flow(
                            "{name: Sample, type: PercentageSampling, input: Read, percent: 150}")),
                    env))
        .hasMessageContaining("component 'Sample' (PercentageSampling)")
        .hasMessageContaining("'percent' must be between 0 and 100, not 150");
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(
                        flow("{name: Sample, type: PercentageSampling, input: Read, percnt: 10}")),
                    env))
        .hasMessageContaining("component 'Sample' (PercentageSampling)")
        .hasMessageContaining("did you mean 'percent'?");
  }
}
