package io.sluice.api.script;

import io.sluice.api.context.Connections;
import io.sluice.api.context.Variables;

/**
 * What a Script task sees: SSIS's {@code Dts} object, one call for each of its members, so that a
 * ported C# script is a translation line by line (see docs/script-task.md).
 */
public interface Dts {

  /**
   * The variables and parameters the task declared in {@code readOnlyVariables} and {@code
   * readWriteVariables} ({@code Dts.Variables["User::X"].Value}): {@code get}, typed {@code get},
   * {@code set}. Reading a name the task did not declare, or writing one it declared read-only,
   * throws a {@link io.sluice.api.PluginException} naming it. A sensitive parameter is read only
   * with {@link Variables#sensitiveValue}.
   */
  Variables variables();

  /**
   * The package's connection managers ({@code Dts.Connections["Warehouse"]}): {@code
   * openJdbc("Warehouse")} opens a JDBC connection the script closes, {@code path("Input")} is a
   * file connection's path.
   */
  Connections connections();

  /** {@code Dts.Events}: information, warning, error and progress events of the execution. */
  ScriptEvents events();

  /** {@code Dts.TaskResult = (int)ScriptResults.Success}: the task's result; Success if unset. */
  void taskResult(ScriptResults result);

  /**
   * Whether the execution was stopped. A stopped execution also interrupts the script's thread (a
   * sleep, a wait or {@code Thread.interrupted()} sees it); a busy loop must check this.
   */
  boolean cancelled();

  /** The package's name ({@code System::PackageName}). */
  String packageName();

  /** The task's name ({@code System::TaskName}). */
  String taskName();
}
