package io.sluice.ssis.convert.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The forms of a Slowly Changing Dimension's CurrentRowWhere the SSIS wizard writes, read as the
 * engine's {@code historicalBy}; any other form is reported, not guessed.
 */
class CurrentRowWhereTest {

  @Test
  void aCurrentFlagWithTheWizardsValuePairs() {
    assertThat(SlowlyChangingDimensionConverter.history("[IsCurrent] = 1"))
        .isEqualTo(
            Map.of("currentFlag", Map.of("column", "IsCurrent", "current", "1", "expired", "0")));
    assertThat(SlowlyChangingDimensionConverter.history("[Status] = N'Current'"))
        .isEqualTo(
            Map.of(
                "currentFlag",
                Map.of("column", "Status", "current", "Current", "expired", "Expired")));
    assertThat(SlowlyChangingDimensionConverter.history("[Flag]='Live'"))
        .isEqualTo(Map.of("currentFlag", Map.of("column", "Flag", "current", "Live")));
  }

  @Test
  void startAndEndDates() {
    assertThat(
            SlowlyChangingDimensionConverter.history(
                "[StartDate] IS NOT NULL AND [EndDate] IS NULL"))
        .isEqualTo(Map.of("startDate", "StartDate", "endDate", "EndDate"));
  }

  @Test
  void otherFormsAreNotConverted() {
    assertThatThrownBy(() -> SlowlyChangingDimensionConverter.history("[EndDate] IS NULL"))
        .hasMessageContaining("names the end date EndDate but no start date");
    assertThatThrownBy(
            () -> SlowlyChangingDimensionConverter.history("[EndDate] > GETDATE() OR [X] = 1"))
        .hasMessageContaining("is neither a current flag");
  }

  @Test
  void outputsByTheirSsisNames() {
    assertThat(SlowlyChangingDimensionConverter.output("Unchanged Output")).isEqualTo("Unchanged");
    assertThat(SlowlyChangingDimensionConverter.output("Changing Attribute Updates Output"))
        .isEqualTo("Changing");
    assertThat(SlowlyChangingDimensionConverter.output("Historical Attribute Inserts Output"))
        .isEqualTo("Historical");
    assertThat(SlowlyChangingDimensionConverter.output("Inferred Member Updates Output"))
        .isEqualTo("Inferred");
    assertThat(SlowlyChangingDimensionConverter.output("Fixed Attribute Output"))
        .isEqualTo("Fixed");
    assertThat(SlowlyChangingDimensionConverter.output("New Output")).isEqualTo("New");
  }
}
