package io.sluice.engine.runtime;

import java.time.Duration;

/**
 * How a package run ended.
 *
 * @param errorCount Error events raised in the package (SSIS's package error count)
 */
public record RunResult(Status status, int errorCount, Duration duration) {

  public enum Status {
    SUCCESS,
    FAILURE,
    CANCELED
  }

  public boolean succeeded() {
    return status == Status.SUCCESS;
  }
}
