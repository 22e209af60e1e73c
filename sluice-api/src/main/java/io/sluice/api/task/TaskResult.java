package io.sluice.api.task;

/** SSIS's {@code Dts.TaskResult}. */
public enum TaskResult {
  SUCCESS,
  FAILURE
}
