package io.sluice.api.task;

import io.sluice.api.context.Cancellation;
import io.sluice.api.context.Connections;
import io.sluice.api.context.Events;
import io.sluice.api.context.Variables;
import io.sluice.api.settings.SettingValues;
import java.time.Clock;

/** What a running task may use (SSIS's {@code Dts} object). */
public interface TaskContext {

  String packageName();

  String taskName();

  /** Where the task runs, e.g. {@code \Load\Per file[2]\Load rates}. */
  String executionPath();

  /** The task's settings, property expressions applied for this execution. */
  SettingValues settings();

  Variables variables();

  Connections connections();

  Events events();

  Cancellation cancellation();

  /** The run's clock: use it rather than the system's, so tests can control time. */
  Clock clock();

  /** A file of the project by relative path (e.g. {@code templates/mail.txt}); null if absent. */
  byte[] projectFile(String path);
}
