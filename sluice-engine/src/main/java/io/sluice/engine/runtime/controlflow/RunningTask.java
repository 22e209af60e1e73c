package io.sluice.engine.runtime.controlflow;

import io.sluice.engine.event.DataFlowStatistic;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.runtime.CancellationToken;
import io.sluice.engine.runtime.RunResult;
import io.sluice.engine.runtime.connection.Connections;
import io.sluice.engine.runtime.expression.ExpressionService;
import io.sluice.engine.runtime.task.TaskContext;
import io.sluice.engine.runtime.variable.Variables;
import java.time.Clock;
import java.util.Map;

/** The {@link TaskContext} of one run of one task. */
final class RunningTask implements TaskContext {

  private final PackageRun run;
  private final RunningExecutable node;

  RunningTask(PackageRun run, RunningExecutable node) {
    this.run = run;
    this.node = node;
  }

  @Override
  public String packageName() {
    return run.packageName;
  }

  @Override
  public String taskName() {
    return node.name;
  }

  @Override
  public String executionPath() {
    return node.path;
  }

  @Override
  public Variables variables() {
    return node.scope;
  }

  @Override
  public Connections connections() {
    return run.connections;
  }

  @Override
  public ExpressionService expressions() {
    return run.expressions;
  }

  @Override
  public ProjectFiles projectFiles() {
    return run.files;
  }

  @Override
  public CancellationToken cancellation() {
    return run.cancellation;
  }

  @Override
  public Clock clock() {
    return run.clock;
  }

  @Override
  public void information(String message) {
    run.events.raise(node, MessageType.INFORMATION, message);
  }

  @Override
  public void warning(String message) {
    run.events.raise(node, MessageType.WARNING, message);
  }

  @Override
  public void error(String message) {
    run.events.raise(node, MessageType.ERROR, message);
  }

  @Override
  public void progress(String message) {
    run.events.raise(node, MessageType.PROGRESS, message);
  }

  @Override
  public void event(MessageType type, String subcomponent, String message) {
    run.events.raise(node, type, subcomponent, message, 0);
  }

  @Override
  public void dataFlowStatistic(DataFlowStatistic statistic) {
    run.events.dataFlowStatistic(statistic);
  }

  @Override
  public RunResult runPackage(String packageName, Map<String, Object> parameterValues) {
    return run.childPackages.run(node, packageName, parameterValues);
  }
}
