package io.sluice.ftp;

import io.sluice.api.task.TaskContext;
import java.io.InterruptedIOException;

/**
 * A transfer ended because the execution was stopped: an {@link java.io.IOException}, so the
 * clients close the data connection as after any failed transfer; the task then reports the stop.
 */
final class Stopped extends InterruptedIOException {
  private static final long serialVersionUID = 1L;

  private Stopped() {
    super("the execution was stopped");
  }

  static void check(TaskContext context) throws Stopped {
    if (context.cancellation().isCancelled()) {
      throw new Stopped();
    }
  }
}
