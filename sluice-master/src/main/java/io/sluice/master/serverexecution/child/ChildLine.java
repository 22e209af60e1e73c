package io.sluice.master.serverexecution.child;

import io.sluice.engine.runtime.RunResult;
import io.sluice.protocol.worker.EventBatch;

/**
 * One line a server-mode child writes on its stdout: exactly one of an event, an executable
 * statistic, a path statistic (the worker protocol's types: a worker streams the same things to a
 * master), or, last, the run's result.
 */
public record ChildLine(
    EventBatch.Event event,
    EventBatch.ExecutableStatistic executable,
    EventBatch.PathStatistic path,
    Result result) {

  static ChildLine of(EventBatch.Event event) {
    return new ChildLine(event, null, null, null);
  }

  static ChildLine of(EventBatch.ExecutableStatistic executable) {
    return new ChildLine(null, executable, null, null);
  }

  static ChildLine of(EventBatch.PathStatistic path) {
    return new ChildLine(null, null, path, null);
  }

  static ChildLine of(Result result) {
    return new ChildLine(null, null, null, result);
  }

  /**
   * How the run ended.
   *
   * @param failure why the package could not run at all (masked), or null: the project did not
   *     parse, the package is not in it, a value did not fit its parameter
   */
  public record Result(RunResult.Status status, int errorCount, String failure) {

    static Result couldNotRun(String failure) {
      return new Result(RunResult.Status.FAILURE, 1, failure);
    }
  }
}
