package io.sluice.master.serverexecution.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.runtime.RunResult;
import io.sluice.protocol.worker.EventBatch;
import io.sluice.protocol.worker.ParameterValue;
import io.sluice.protocol.worker.PropertyOverrideValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every line between a master and its child reads back as it was written, on one line. */
class ChildWireTest {

  private static final String AWKWARD =
      "quote \" backslash \\ slash / line\nbreak\r tab\t bell\u0007 nul\u0000 sep\u2028 é 😀 end";

  @Test
  void aRequestReadsBackAsItWasWrittenSensitiveValuesAndAwkwardTextIncluded() {
    ChildRequest request =
        new ChildRequest(
            "/tmp/sluice-execution-7-1.spac",
            7,
            2,
            "Load \"Sales\"",
            3,
            List.of(
                new ParameterValue(20, "Password", "String", true, AWKWARD),
                new ParameterValue(30, "Empty", "Int32", false, null)),
            List.of(new PropertyOverrideValue("\\Package.Variables[User::X].Value", "1", false)));

    String line = ChildWire.line(request);

    assertThat(line).doesNotContain("\n", "\r", "\u2028");
    assertThat(ChildWire.request(line)).isEqualTo(request);
  }

  @Test
  void eachKindOfLineReadsBackAsItWasWritten() {
    List<ChildLine> lines =
        List.of(
            ChildLine.of(
                new EventBatch.Event(
                    1_796_675_722_607L, 70, "p", "Task", "\\p\\Task", null, AWKWARD, -5, 42)),
            ChildLine.of(new EventBatch.ExecutableStatistic("p", "\\p\\Task", 1, 2, 0, null)),
            ChildLine.of(
                new EventBatch.PathStatistic("p", "Flow", "A -> B", "A", "B", 10_000_000_000L, 3)),
            ChildLine.of(new ChildLine.Result(RunResult.Status.CANCELED, 0, null)),
            ChildLine.of(ChildLine.Result.couldNotRun(AWKWARD)));

    for (ChildLine line : lines) {
      String text = ChildWire.line(line);
      assertThat(text).doesNotContain("\n");
      assertThat(ChildWire.childLine(text)).isEqualTo(line);
    }
  }

  @Test
  void whatIsNotALineIsRefused() {
    for (String text :
        List.of(
            "",
            "hello",
            "{\"event\":",
            "{\"event\":{\"timeMillis\":\"soon\"}}",
            "{\"other\":1}",
            "{\"result\":{\"status\":\"MAYBE\",\"errorCount\":0}}",
            "{} trailing")) {
      assertThatThrownBy(() -> ChildWire.childLine(text))
          .as(text)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
