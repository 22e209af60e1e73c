package io.sluice.engine.runtime;

import io.sluice.engine.event.LoggingLevel;
import java.time.Clock;

/**
 * How a package runs.
 *
 * @param loggingLevel which events reach the sink
 * @param executionId becomes {@code System::ServerExecutionID} (0 for a local run)
 * @param attempt becomes {@code System::TaskAttempt}: which try of this execution this is (1 first)
 * @param maxConcurrentExecutables overrides the package's setting when positive; 0 keeps it
 * @param clock the time source for events, statistics and {@code System::StartTime}
 */
public record RunOptions(
    LoggingLevel loggingLevel,
    long executionId,
    int attempt,
    int maxConcurrentExecutables,
    Clock clock,
    CancellationToken cancellation) {

  public static RunOptions defaults() {
    return new RunOptions(
        LoggingLevel.BASIC, 0, 1, 0, Clock.systemDefaultZone(), new CancellationToken());
  }

  public RunOptions withLoggingLevel(LoggingLevel level) {
    return new RunOptions(
        level, executionId, attempt, maxConcurrentExecutables, clock, cancellation);
  }

  public RunOptions withExecution(long id, int attemptNumber) {
    return new RunOptions(
        loggingLevel, id, attemptNumber, maxConcurrentExecutables, clock, cancellation);
  }

  public RunOptions withMaxConcurrentExecutables(int max) {
    return new RunOptions(loggingLevel, executionId, attempt, max, clock, cancellation);
  }

  public RunOptions withClock(Clock newClock) {
    return new RunOptions(
        loggingLevel, executionId, attempt, maxConcurrentExecutables, newClock, cancellation);
  }

  public RunOptions withCancellation(CancellationToken token) {
    return new RunOptions(
        loggingLevel, executionId, attempt, maxConcurrentExecutables, clock, token);
  }
}
