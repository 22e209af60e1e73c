package io.sluice.cli.catalog.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When {@code execute --wait} repeats why an execution waits: times are given, not waited for. */
class WaitNotesTest {

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final WaitNotes notes = new WaitNotes(new PrintStream(err, true, StandardCharsets.UTF_8));
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private List<String> printed() {
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    err.reset();
    return lines;
  }

  @Test
  void notesAreSaidAtOnceAgainWhenTheyChangeAndEveryMinuteWhileTheyStay() {
    List<String> disabled = List.of("worker w1 is disabled");

    assertThat(notes.due(T0)).isTrue();
    notes.show(disabled, T0);
    assertThat(printed()).containsExactly("note: worker w1 is disabled");

    assertThat(notes.due(T0.plusSeconds(4))).as("the catalog is asked every 5 s").isFalse();
    assertThat(notes.due(T0.plusSeconds(5))).isTrue();
    notes.show(disabled, T0.plusSeconds(5));
    notes.show(disabled, T0.plusSeconds(59));
    assertThat(printed()).as("unchanged within the minute").isEmpty();

    notes.show(disabled, T0.plusSeconds(60));
    assertThat(printed())
        .as("repeated after a minute")
        .containsExactly("note: worker w1 is disabled");

    notes.show(List.of("no worker has been online"), T0.plusSeconds(65));
    assertThat(printed()).as("a change at once").containsExactly("note: no worker has been online");

    notes.show(List.of(), T0.plusSeconds(70));
    notes.show(disabled, T0.plusSeconds(75));
    assertThat(printed())
        .as("back after it was cleared")
        .containsExactly("note: worker w1 is disabled");
  }
}
