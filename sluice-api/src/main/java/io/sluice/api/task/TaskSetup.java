package io.sluice.api.task;

import io.sluice.api.settings.SettingValues;
import java.util.Set;

/** What a task plugin sees while it is validated: its settings and the package's names. */
public interface TaskSetup {

  String taskName();

  SettingValues settings();

  /** Whether the package has this variable or parameter (qualified or plain name). */
  boolean hasVariable(String name);

  Set<String> connectionNames();

  /** Reports a problem of this task's settings; the task does not run while it has any. */
  void problem(String message);
}
