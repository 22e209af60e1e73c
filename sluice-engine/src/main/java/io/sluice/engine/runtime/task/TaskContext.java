package io.sluice.engine.runtime.task;

import io.sluice.engine.event.DataFlowStatistic;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.runtime.CancellationToken;
import io.sluice.engine.runtime.RunResult;
import io.sluice.engine.runtime.connection.Connections;
import io.sluice.engine.runtime.expression.ExpressionService;
import io.sluice.engine.runtime.variable.Variables;
import java.time.Clock;
import java.util.Map;

/** What a running task may use: its variables, connections, events and the run's cancellation. */
public interface TaskContext {

  String packageName();

  String taskName();

  /** Where the task runs, e.g. {@code \Load\Per file[2]\Load rates}. */
  String executionPath();

  /** Variables and parameters as this task sees them (with its own System::TaskName ...). */
  Variables variables();

  Connections connections();

  ExpressionService expressions();

  /** Files of the project, by relative path (e.g. an Execute SQL task's {@code sql/load.sql}). */
  ProjectFiles projectFiles();

  CancellationToken cancellation();

  Clock clock();

  void information(String message);

  void warning(String message);

  /** Raises an Error event; the task fails when its errors reach its maximum error count. */
  void error(String message);

  /** Raises a Progress event, e.g. rows so far or percent complete. */
  void progress(String message);

  /** Raises an event of any type, e.g. from a data-flow component named in {@code subcomponent}. */
  void event(MessageType type, String subcomponent, String message);

  void dataFlowStatistic(DataFlowStatistic statistic);

  /**
   * Runs another package of the same project in this run (Execute Package task) and waits for it.
   *
   * @param parameterValues package parameters of the child by name; project parameters are shared
   */
  RunResult runPackage(String packageName, Map<String, Object> parameterValues);
}
