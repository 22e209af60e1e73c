package io.sluice.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

  @Test
  void masksEveryOccurrenceLongestValueFirst() {
    SecretMask mask = new SecretMask().add("hunter2").add("hunter2-admin");

    assertThat(mask.mask("login hunter2-admin failed; retry with hunter2, hunter2"))
        .isEqualTo("login ******** failed; retry with ********, ********");
  }

  @Test
  void leavesValuesShorterThanTheMinimumAndNullAlone() {
    SecretMask mask = new SecretMask().add("123").add(null).add(7).add("");

    assertThat(mask.mask("row 123 of 7")).isEqualTo("row 123 of 7");
    assertThat(mask.mask(null)).isNull();
    assertThat(new SecretMask().add("1234").mask("pin 1234")).isEqualTo("pin ********");
    assertThat(SecretMask.MIN_LENGTH).isEqualTo(4);
  }

  @Test
  void masksTheTextOfValuesThatAreNotStrings() {
    assertThat(new SecretMask().add(987654321L).mask("account 987654321"))
        .isEqualTo("account ********");
  }

  @Test
  void anExceptionThatQuotesAValueIsReplacedByOneThatDoesNot() {
    SecretMask mask = new SecretMask().add("pa55word");
    RuntimeException clean = new IllegalArgumentException("no such table");
    RuntimeException careless =
        new IllegalStateException(
            "cannot connect", new SQLException("login failed for user app/pa55word"));

    assertThat(mask.maskFailure(clean)).isSameAs(clean);
    RuntimeException masked = mask.maskFailure(careless);
    assertThat(masked.getMessage()).isEqualTo("cannot connect");
    assertThat(masked.getCause()).isNull();
    assertThat(masked.getStackTrace()).isEqualTo(careless.getStackTrace());
    assertThat(mask.maskFailure(new OutOfMemoryError("pa55word")).getMessage())
        .isEqualTo("java.lang.OutOfMemoryError: ********");
  }

  @Test
  void aMaskingSinkPassesEventsOnWithTheirMessagesMasked() {
    SecretMask mask = new SecretMask();
    List<EngineEvent> seen = new ArrayList<>();
    EventSink sink = mask.masking(seen::add);
    mask.add("pa55word"); // values may arrive after the sink is made, before the events

    sink.event(event("connected with pa55word"));
    sink.event(event("nothing secret"));

    assertThat(seen)
        .extracting(EngineEvent::message)
        .containsExactly("connected with ********", "nothing secret");
    assertThat(seen.get(0).sourceName()).isEqualTo("Task");
  }

  private static EngineEvent event(String message) {
    return new EngineEvent(
        Instant.EPOCH, MessageType.INFORMATION, "p", "Task", "\\p\\Task", null, message, 0, 1);
  }
}
