package io.sluice.cli.catalog.execution;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The notes a command prints while a Scale Out execution waits for a worker (the catalog's {@link
 * io.sluice.catalog.execution.Executions#warnings}): at once, again as soon as they change, and
 * every minute while they stay, so a {@code --wait} that waits for ever says why, and keeps saying
 * it, instead of "waiting for it to end..." alone. Times are given by the caller (tests pass their
 * own).
 */
public final class WaitNotes {

  /** How often the catalog is asked again while the execution waits. */
  static final Duration LOOK_EVERY = Duration.ofSeconds(5);

  /** How often unchanged notes are printed again. */
  static final Duration REPEAT_EVERY = Duration.ofMinutes(1);

  private final PrintStream err;
  private List<String> shown = List.of();
  private Instant shownAt;
  private Instant lookedAt;

  public WaitNotes(PrintStream err) {
    this.err = err;
  }

  /** Prints warnings once, as a command that does not wait does. */
  public static void print(PrintStream err, List<String> warnings) {
    warnings.forEach(w -> err.println("note: " + w));
  }

  /** Whether to ask the catalog for the warnings again now. */
  public boolean due(Instant now) {
    return lookedAt == null || !now.isBefore(lookedAt.plus(LOOK_EVERY));
  }

  /** Given the warnings as they are now, prints those that are new, changed or due again. */
  public void show(List<String> warnings, Instant now) {
    lookedAt = now;
    if (warnings.isEmpty()) {
      shown = List.of();
      return;
    }
    if (!warnings.equals(shown) || !now.isBefore(shownAt.plus(REPEAT_EVERY))) {
      print(err, warnings);
      shown = List.copyOf(warnings);
      shownAt = now;
    }
  }
}
