package io.sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/data-flow.md's Raw File example, read from the page and run as a package. */
class RawFileDocsTest {

  @TempDir Path temp;

  @Test
  void theExampleStagesTheTutorialsRatesAndReadsThemBackInTheNextTask() throws Exception {
    String yaml = JdbcCommandDocsTest.example("data-flow.md", "### RawFileDestination");
    Path rates =
        Path.of("..", "datasets", "ssis-tutorial", "SampleCurrencyData.txt").toAbsolutePath();
    Path staging = temp.resolve("rates.raw");
    RecordingSink sink = new RecordingSink();
    RunResult result =
        TestProjects.project(
                """
                name: docs
                connections:
                  - {name: rates, type: flatFile, file: 'RATES', delimiter: '\\t', headerRow: false, columns: [{name: AverageRate, type: DT_R8}, {name: CurrencyID, type: 'DT_WSTR,3'}, {name: CurrencyDate, type: DT_DBTIMESTAMP}, {name: EndOfDayRate, type: 'DT_NUMERIC,18,9'}]}
                  - {name: staging, type: file, path: 'STAGING', usage: createFile}
                """
                    .replace("RATES", rates.toString())
                    .replace("STAGING", staging.toString()))
            .file("packages/p.yaml", yaml)
            .run("p", sink);

    assertThat(result.succeeded()).as(sink.messages(MessageType.ERROR).toString()).isTrue();
    assertThat(sink.messages(MessageType.INFORMATION))
        .contains(
            "\"" + staging + "\": 1097 rows written (createAlways).",
            "\"" + staging + "\": 1097 rows read.");
    assertThat(Files.size(staging)).isPositive();
  }
}
