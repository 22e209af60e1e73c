package io.sluice.engine.dataflow;

import java.nio.file.Path;
import java.util.Map;

/** The SSIS tutorial's SampleCurrencyData.txt (1,097 daily USD rates) as connection 'rates'. */
final class TutorialRates {

  static final Path FILE =
      Path.of("..", "datasets", "ssis-tutorial", "SampleCurrencyData.txt").toAbsolutePath();
  static final int ROWS = 1097;

  private TutorialRates() {}

  static Map<String, Object> settings() {
    return Flows.settings(
        """
        delimiter: '\\t'
        codePage: 1252
        columns:
          - {name: AverageRate, type: DT_R8}
          - {name: CurrencyID, type: 'DT_WSTR,3'}
          - {name: CurrencyDate, type: DT_DBTIMESTAMP}
          - {name: EndOfDayRate, type: DT_R8}
        """);
  }
}
