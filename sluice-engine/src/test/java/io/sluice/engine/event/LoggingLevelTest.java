package io.sluice.engine.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggingLevelTest {

  @Test
  void basicKeepsEverythingButDiagnosticAndCustomEvents() {
    assertThat(LoggingLevel.BASIC.admits(MessageType.PRE_EXECUTE)).isTrue();
    assertThat(LoggingLevel.BASIC.admits(MessageType.INFORMATION)).isTrue();
    assertThat(LoggingLevel.BASIC.admits(MessageType.ERROR)).isTrue();
    assertThat(LoggingLevel.BASIC.admits(MessageType.DIAGNOSTIC)).isFalse();
    assertThat(LoggingLevel.BASIC.admits(MessageType.CUSTOM)).isFalse();
  }

  @Test
  void performanceKeepsOnlyProblemsAndStatistics() {
    assertThat(LoggingLevel.PERFORMANCE.admits(MessageType.WARNING)).isTrue();
    assertThat(LoggingLevel.PERFORMANCE.admits(MessageType.ERROR)).isTrue();
    assertThat(LoggingLevel.PERFORMANCE.admits(MessageType.PRE_EXECUTE)).isFalse();
    assertThat(LoggingLevel.PERFORMANCE.keepsDataFlowStatistics()).isTrue();
    assertThat(LoggingLevel.BASIC.keepsDataFlowStatistics()).isFalse();
  }

  @Test
  void noneKeepsNothingAndVerboseEverything() {
    for (MessageType type : MessageType.values()) {
      assertThat(LoggingLevel.NONE.admits(type)).isFalse();
      assertThat(LoggingLevel.VERBOSE.admits(type)).isTrue();
    }
  }

  @Test
  void filteredSinkDropsWhatTheLevelRefuses() {
    List<MessageType> kept = new ArrayList<>();
    EventSink sink = EventSink.filtered(e -> kept.add(e.type()), LoggingLevel.PERFORMANCE);
    for (MessageType type :
        List.of(MessageType.PRE_EXECUTE, MessageType.ERROR, MessageType.PROGRESS)) {
      sink.event(new EngineEvent(Instant.EPOCH, type, "p", "t", "\\p\\t", null, "m", 0, 1));
    }
    assertThat(kept).containsExactly(MessageType.ERROR);
  }

  @Test
  void codesRoundTripAndUnknownCodesAreRefused() {
    for (MessageType type : MessageType.values()) {
      assertThat(MessageType.fromCode(type.code())).isEqualTo(type);
    }
    assertThatThrownBy(() -> LoggingLevel.fromCode(7)).hasMessageContaining("0 None");
  }
}
