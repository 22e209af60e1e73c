package io.sluice.engine.runtime;

import java.time.Duration;

/**
 * How a package run ended.
 *
 * @param errorCount Error events raised in the package (SSIS's package error count)
 * @param started false when validation failed and nothing ran (a bad package, not a failed run)
 */
public record RunResult(Status status, int errorCount, Duration duration, boolean started) {

  public enum Status {
    SUCCESS,
    FAILURE,
    CANCELED
  }

  public boolean succeeded() {
    return status == Status.SUCCESS;
  }
}
