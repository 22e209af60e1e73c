package io.sluice.engine.runtime.controlflow;

import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.TaskDefinition;
import io.sluice.engine.runtime.expression.CompiledExpression;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs the executables of one container in the order their precedence constraints allow:
 * independent branches in parallel, each executable once its constraints are met, and never an
 * executable whose constraints can no longer be met (it is skipped, as SSIS does). Stops starting
 * new executables when the run is cancelled or the container (or one above) has failed.
 */
final class PrecedenceScheduler {

  private enum State {
    PENDING,
    RUNNING,
    DONE,
    SKIPPED
  }

  private enum Decision {
    RUN,
    SKIP,
    WAIT
  }

  private final PackageRun run;
  private final ExecutableRunner runner;

  PrecedenceScheduler(PackageRun run, ExecutableRunner runner) {
    this.run = run;
    this.runner = runner;
  }

  /**
   * Runs {@code children} of {@code container}; their paths start with {@code pathPrefix} (the
   * container's path, with the iteration number inside loops).
   */
  void run(RunningExecutable container, List<ExecutablePlan> children, String pathPrefix) {
    int n = children.size();
    State[] state = new State[n];
    ExecutionResult[] results = new ExecutionResult[n];
    java.util.Arrays.fill(state, State.PENDING);
    BlockingQueue<Integer> finished = new LinkedBlockingQueue<>();
    int running = 0;
    boolean stopping = false;
    while (true) {
      boolean changed = true;
      while (changed && !stopping) {
        changed = false;
        for (int i = 0; i < n; i++) {
          if (state[i] != State.PENDING) {
            continue;
          }
          Decision decision = decide(container, children, children.get(i), state, results);
          if (decision == Decision.SKIP) {
            state[i] = State.SKIPPED;
            changed = true;
          } else if (decision == Decision.RUN) {
            state[i] = State.RUNNING;
            running++;
            int index = i;
            ExecutablePlan child = children.get(i);
            run.executor.execute(
                () -> {
                  try {
                    results[index] = runner.run(child, container, pathPrefix + "\\" + child.name);
                  } catch (Throwable t) {
                    // a bug in a task type must not hang the container waiting for this child
                    results[index] = ExecutionResult.FAILURE;
                    run.events.raise(container, MessageType.ERROR, "internal error: " + t);
                  } finally {
                    finished.add(index);
                  }
                });
          }
        }
      }
      if (running == 0) {
        return;
      }
      int done = takeUninterruptibly(finished);
      state[done] = State.DONE;
      running--;
      if (run.cancelled() || container.containersFailed() || packageFailed(container)) {
        stopping = true;
      }
    }
  }

  private boolean packageFailed(RunningExecutable container) {
    return run.packageFailed.get() && !container.insideAnyHandler();
  }

  private Decision decide(
      RunningExecutable container,
      List<ExecutablePlan> siblings,
      ExecutablePlan child,
      State[] state,
      ExecutionResult[] results) {
    if (child.after.isEmpty()) {
      return Decision.RUN;
    }
    int passed = 0;
    int failed = 0;
    for (int c = 0; c < child.after.size(); c++) {
      TaskDefinition.Constraint constraint = child.after.get(c);
      int before = indexOf(siblings, constraint.task());
      State s = state[before];
      if (s == State.PENDING || s == State.RUNNING) {
        continue;
      }
      boolean ok =
          s == State.DONE
              && matches(constraint.on(), results[before])
              && expressionHolds(container, child, child.constraintExpressions.get(c));
      if (ok) {
        passed++;
      } else {
        failed++;
      }
    }
    int total = child.after.size();
    if (child.afterMode == TaskDefinition.ConstraintMode.ALL) {
      return failed > 0 ? Decision.SKIP : passed == total ? Decision.RUN : Decision.WAIT;
    }
    return passed > 0 ? Decision.RUN : failed == total ? Decision.SKIP : Decision.WAIT;
  }

  private static boolean matches(TaskDefinition.Outcome on, ExecutionResult result) {
    return switch (on) {
      case SUCCESS -> result == ExecutionResult.SUCCESS;
      case FAILURE -> result == ExecutionResult.FAILURE;
      case COMPLETION -> result != ExecutionResult.CANCELED;
    };
  }

  /**
   * A constraint's expression, evaluated in the container's scope when the constraint is decided.
   * One that fails to evaluate, or is not a Boolean, counts as false and raises an Error.
   */
  private boolean expressionHolds(
      RunningExecutable container, ExecutablePlan child, CompiledExpression e) {
    if (e == null) {
      return true;
    }
    try {
      Object value = e.evaluate(container.scope);
      if (value instanceof Boolean b) {
        return b;
      }
      run.events.raise(
          container,
          MessageType.ERROR,
          "the constraint expression \""
              + e.text()
              + "\" before '"
              + child.name
              + "' must be a Boolean, not "
              + value);
    } catch (RuntimeException error) {
      run.events.raise(
          container,
          MessageType.ERROR,
          "the constraint expression before '" + child.name + "' failed: " + error.getMessage());
    }
    return false;
  }

  private static int indexOf(List<ExecutablePlan> siblings, String name) {
    String key = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < siblings.size(); i++) {
      if (siblings.get(i).name.toLowerCase(Locale.ROOT).equals(key)) {
        return i;
      }
    }
    throw new IllegalStateException("constraint names an unknown task " + name);
  }

  private static int takeUninterruptibly(BlockingQueue<Integer> queue) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return queue.take();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
