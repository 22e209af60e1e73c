package io.sluice.engine.runtime.task.unsupported;

import io.sluice.engine.runtime.task.Task;
import io.sluice.engine.runtime.task.TaskSettings;
import io.sluice.engine.runtime.task.TaskType;

/**
 * The place of a task Sluice cannot run (the SSIS importer writes it for a Send Mail task, a Script
 * task, a data flow it could not convert ...): it validates, so the rest of the package can be
 * validated, run and tested, and it fails with its message if it is reached. Disable it, or replace
 * it with a task that does the work, to run past it.
 *
 * <p>Why a type of its own rather than an Expression task that fails or a Sequence forced to fail:
 * those need a variable or give a generic error, and a reader of the YAML could take them for real
 * work; {@code type: Unsupported} with the SSIS type says what it is, and the run's error is the
 * import report's own text.
 */
public final class UnsupportedTaskType implements TaskType {

  @Override
  public String name() {
    return "Unsupported";
  }

  @Override
  public Task prepare(TaskSettings settings) {
    String ssisType = settings.requiredString("ssisType");
    String message = settings.requiredString("message");
    return context -> {
      throw new UnsupportedOperationException(
          "task '"
              + settings.taskName()
              + "' stands for an SSIS "
              + ssisType
              + " that Sluice does not run: "
              + message);
    };
  }
}
