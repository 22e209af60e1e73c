package io.sluice.engine.runtime.controlflow;

import io.sluice.engine.event.MessageType;
import io.sluice.engine.runtime.connection.ConnectionFailedException;
import io.sluice.engine.runtime.controlflow.foreach.ForeachEnumerators;
import io.sluice.engine.runtime.expression.CompiledExpression;
import io.sluice.engine.runtime.task.Task;
import io.sluice.engine.runtime.task.TaskSettings;
import io.sluice.engine.runtime.task.sql.SqlErrors;
import io.sluice.engine.runtime.variable.Variable;
import io.sluice.engine.runtime.variable.VariableType;
import io.sluice.engine.runtime.variable.Variables;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one executable once: raises PreExecute, runs the task or the container's children, decides
 * the result from errors (SSIS's MaximumErrorCount), raises TaskFailed and PostExecute, applies
 * ForceExecutionResult and FailPackageOnFailure, and records the executable statistic.
 */
final class ExecutableRunner {

  private final PackageRun run;
  private final PrecedenceScheduler scheduler;
  private final ThreadLocal<Boolean> handlingChange = ThreadLocal.withInitial(() -> false);

  ExecutableRunner(PackageRun run) {
    this.run = run;
    this.scheduler = new PrecedenceScheduler(run, this);
    run.events.handlerRunner((container, tasks) -> scheduler.run(container, tasks, container.path));
  }

  /** Runs the package itself: the root of the tree. */
  ExecutionResult runPackage(
      ExecutablePlan plan,
      String path,
      Variables rootScope,
      List<Variable> raisingChangedEvents,
      PackageExecution.Counter counter) {
    RunningExecutable node = RunningExecutable.of(plan, path, null, rootScope);
    // SSIS raises VariableValueChanged on the container that defines the variable: the package.
    for (Variable v : raisingChangedEvents) {
      v.onChange(changed -> variableChanged(node, changed));
    }
    ExecutionResult result = execute(plan, node);
    counter.errors = node.errorCount();
    return result;
  }

  /**
   * Raises VariableValueChanged, unless the change is made while that event is being handled on
   * this thread: a handler that assigns the variable would raise it again forever.
   */
  private void variableChanged(RunningExecutable packageNode, Variable changed) {
    if (handlingChange.get()) {
      return;
    }
    handlingChange.set(true);
    try {
      run.events.raise(
          packageNode,
          MessageType.VARIABLE_VALUE_CHANGED,
          changed.qualifiedName() + " changed to " + packageNode.scope.valueOf(changed));
    } finally {
      handlingChange.set(false);
    }
  }

  ExecutionResult run(ExecutablePlan plan, RunningExecutable parent, String path) {
    if (plan.disabled) {
      // SSIS: a disabled executable does not run, and its constraints pass as on success
      return ExecutionResult.SUCCESS;
    }
    Variables scope = parent.scope.child();
    RunningExecutable node = RunningExecutable.of(plan, path, parent, scope);
    if (plan.disabledWhen != null) {
      Object disabled;
      try {
        disabled = plan.disabledWhen.evaluate(scope);
      } catch (RuntimeException e) {
        run.events.raise(node, MessageType.ERROR, "the expression for 'disabled': " + describe(e));
        return ExecutionResult.FAILURE;
      }
      if (!(disabled instanceof Boolean b)) {
        run.events.raise(
            node,
            MessageType.ERROR,
            "the expression for 'disabled' (\""
                + plan.disabledWhen.text()
                + "\") must give a Boolean, not "
                + disabled);
        return ExecutionResult.FAILURE;
      }
      if (b) {
        return ExecutionResult.SUCCESS; // disabled now: as a disabled executable, see above
      }
    }
    return execute(plan, node);
  }

  private ExecutionResult execute(ExecutablePlan plan, RunningExecutable node) {
    if (run.cancelled()) {
      return ExecutionResult.CANCELED;
    }
    // A task takes its slot before PreExecute, so events and statistics show when it really ran.
    // A task of an event handler runs in the slot of the task whose event it handles, which waits
    // for it: were it to wait for a slot of its own, one slot would deadlock at the first handler.
    boolean task = plan.kind == ExecutablePlan.Kind.TASK && !node.insideAnyHandler();
    if (task && !acquirePermit()) {
      return ExecutionResult.CANCELED;
    }
    try {
      return executeHoldingPermit(plan, node);
    } finally {
      if (task) {
        run.taskPermits.release();
      }
    }
  }

  private ExecutionResult executeHoldingPermit(ExecutablePlan plan, RunningExecutable node) {
    Instant start = run.clock.instant();
    if (plan.kind != ExecutablePlan.Kind.PACKAGE) {
      node.scope.system("TaskName", VariableType.STRING, plan.name);
      node.scope.system(
          "ContainerStartTime",
          VariableType.DATE_TIME,
          LocalDateTime.ofInstant(start, ZoneId.systemDefault()));
    }
    run.events.raise(node, MessageType.PRE_EXECUTE, plan.name + " started");
    ExecutionResult result;
    try {
      result =
          switch (plan.kind) {
            case TASK -> runTask(plan, node);
            case PACKAGE, SEQUENCE -> {
              scheduler.run(node, plan.children, node.path);
              yield containerResult(node);
            }
            case FOR_LOOP -> runForLoop(plan, node);
            case FOREACH_LOOP -> runForeachLoop(plan, node);
          };
    } catch (RuntimeException e) {
      // a loop that cannot go on: bad expression value, enumerator failure, bad mapping
      run.events.raise(node, MessageType.ERROR, describe(e));
      result = run.cancelled() ? ExecutionResult.CANCELED : ExecutionResult.FAILURE;
    }
    if (plan.kind == ExecutablePlan.Kind.PACKAGE
        && result == ExecutionResult.SUCCESS
        && run.packageFailed.get()) {
      result = ExecutionResult.FAILURE;
    }
    if (result == ExecutionResult.FAILURE) {
      run.events.raise(node, MessageType.TASK_FAILED, plan.name + " failed");
      if (plan.options.failPackageOnFailure()) {
        run.packageFailed.set(true);
      }
      if (plan.options.failParentOnFailure() && node.parent != null) {
        node.parent.failedByChild.set(true);
      }
    }
    ExecutionResult reported = result;
    if (plan.options.forceExecutionResult() != null && result != ExecutionResult.CANCELED) {
      reported = plan.options.forceExecutionResult();
    }
    run.events.raise(
        node, MessageType.POST_EXECUTE, plan.name + " finished: " + reported.name().toLowerCase());
    run.events.statistic(node.path, start, reported);
    return reported;
  }

  private ExecutionResult containerResult(RunningExecutable node) {
    if (run.cancelled()) {
      return ExecutionResult.CANCELED;
    }
    return node.reachedMaximumErrors() || node.failedByChild.get()
        ? ExecutionResult.FAILURE
        : ExecutionResult.SUCCESS;
  }

  private ExecutionResult runTask(ExecutablePlan plan, RunningExecutable node) {
    try {
      Task task = plan.task;
      // null: disabled when the package was validated, enabled by its expression now
      if (!plan.propertyExpressions.isEmpty() || task == null) {
        TaskSettings settings = runTimeSettings(plan, node);
        task = plan.taskType.prepare(settings);
        // the executable's own settings (maximumErrorCount ...) were read when it was planned
        List<String> problems = settings.problems(plan.taskType.name(), ExecutableOptions.KEYS);
        if (!problems.isEmpty()) {
          for (String p : problems) {
            run.events.raise(node, MessageType.ERROR, p);
          }
          return ExecutionResult.FAILURE;
        }
      }
      task.execute(new RunningTask(run, node));
      if (run.cancelled()) {
        return ExecutionResult.CANCELED;
      }
      return node.reachedMaximumErrors() ? ExecutionResult.FAILURE : ExecutionResult.SUCCESS;
    } catch (Exception e) {
      if (run.cancelled()) {
        return ExecutionResult.CANCELED;
      }
      ConnectionFailedException connection = ConnectionFailedException.in(e);
      if (connection != null) {
        // The connection manager as the subcomponent, with SSIS's code: what the catalog's
        // Connections report looks for (a data flow's failure carries it as its cause too).
        run.events.raise(
            node,
            MessageType.ERROR,
            connection.connectionName(),
            describe(e),
            ConnectionFailedException.CODE);
      } else {
        run.events.raise(node, MessageType.ERROR, describe(e));
      }
      return ExecutionResult.FAILURE;
    }
  }

  /** The task's settings with its property expressions evaluated now. */
  private TaskSettings runTimeSettings(ExecutablePlan plan, RunningExecutable node) {
    Map<String, Object> values = new LinkedHashMap<>(plan.properties);
    for (Map.Entry<String, CompiledExpression> e : plan.propertyExpressions.entrySet()) {
      PropertyValues.put(values, e.getKey(), e.getValue().evaluate(node.scope));
    }
    return new TaskSettings(
        plan.name, values, node.scope, run.connections, run.project, run.files, run.expressions);
  }

  private ExecutionResult runForLoop(ExecutablePlan plan, RunningExecutable node) {
    if (plan.forInit != null) {
      plan.forInit.execute(node.scope);
    }
    int iteration = 0;
    while (!run.cancelled() && !node.containersFailed() && !run.packageFailed.get()) {
      Object go = plan.forEval.evaluate(node.scope);
      if (!(go instanceof Boolean b)) {
        throw new LoopFailure(
            "evalExpression \"" + plan.forEval.text() + "\" must be a Boolean, not " + go);
      }
      if (!b) {
        break;
      }
      iteration++;
      scheduler.run(node, plan.children, node.path + "[" + iteration + "]");
      if (plan.forAssign != null) {
        plan.forAssign.execute(node.scope);
      }
    }
    return containerResult(node);
  }

  private ExecutionResult runForeachLoop(ExecutablePlan plan, RunningExecutable node) {
    TaskSettings settings = runTimeSettings(plan, node);
    ForeachEnumerators.Setup setup = ForeachEnumerators.read(settings);
    List<String> problems = settings.problems("ForeachLoop", ExecutableOptions.KEYS);
    if (!problems.isEmpty()) {
      throw new LoopFailure(String.join("; ", problems));
    }
    List<List<Object>> items;
    try {
      items = setup.enumerator().items(node.scope);
    } catch (Exception e) {
      throw new LoopFailure("the enumerator failed: " + describe(e));
    }
    int iteration = 0;
    for (List<Object> item : items) {
      if (run.cancelled() || node.containersFailed() || run.packageFailed.get()) {
        break;
      }
      iteration++;
      for (ForeachEnumerators.Mapping m : setup.mappings()) {
        if (m.index() >= item.size()) {
          throw new LoopFailure(
              "variable mapping index "
                  + m.index()
                  + " is out of range: item "
                  + iteration
                  + " has "
                  + item.size()
                  + " value(s)");
        }
        try {
          node.scope.set(m.variable(), item.get(m.index()));
        } catch (RuntimeException e) {
          throw new LoopFailure("item " + iteration + ": " + e.getMessage());
        }
      }
      scheduler.run(node, plan.children, node.path + "[" + iteration + "]");
    }
    return containerResult(node);
  }

  /** Waits for a task slot, giving up when the run is cancelled. */
  private boolean acquirePermit() {
    try {
      while (!run.taskPermits.tryAcquire(50, TimeUnit.MILLISECONDS)) {
        if (run.cancelled()) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static String describe(Throwable e) {
    if (e instanceof SQLException sql) {
      return SqlErrors.describe(sql);
    }
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return message;
  }

  /** A loop that cannot go on (bad expression value, enumerator failure, bad mapping). */
  private static final class LoopFailure extends RuntimeException {
    LoopFailure(String message) {
      super(message);
    }
  }
}
