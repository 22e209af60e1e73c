package io.sluice.api.task;

/** A task whose settings were checked, ready to run (SSIS's {@code ScriptMain.Main}). */
@FunctionalInterface
public interface PluginTask {

  /**
   * Runs the task once. {@link TaskResult#FAILURE} or an exception fail it (the exception's message
   * becomes the Error event); long work watches {@link TaskContext#cancellation()}, and a stopped
   * execution also interrupts the thread.
   */
  TaskResult execute(TaskContext context) throws Exception;
}
