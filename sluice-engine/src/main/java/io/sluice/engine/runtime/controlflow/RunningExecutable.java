package io.sluice.engine.runtime.controlflow;

import io.sluice.engine.runtime.variable.Variables;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of an executable (a loop body runs once per iteration): where it runs, the variables it
 * sees, and the errors raised in it and below it, which decide whether it fails.
 */
final class RunningExecutable {

  final String name;
  final String path;
  final RunningExecutable parent;
  final Variables scope;
  final int maximumErrorCount;
  final Map<String, List<ExecutablePlan>> handlers;

  /** Non-null for the container of an event handler: the handler's name, e.g. OnError. */
  final String handlerName;

  /**
   * For the container of an event handler: the handlers already running in the chain of events that
   * led to it. A handler's container hangs under the handler's owner, not under the task whose
   * event it handles, so without this an OnPreExecute handler whose task fails would run the
   * OnTaskFailed handler, whose task would run the OnPreExecute handler again, forever.
   */
  private final Set<String> handlersAlreadyRunning;

  private final AtomicInteger errors = new AtomicInteger();

  /** Set when a child with failParentOnFailure failed. */
  final AtomicBoolean failedByChild = new AtomicBoolean();

  /** The run of a task, a container or the package itself (not of an event handler's container). */
  static RunningExecutable of(
      ExecutablePlan plan, String path, RunningExecutable parent, Variables scope) {
    return new RunningExecutable(
        plan.name,
        path,
        parent,
        scope,
        plan.options.maximumErrorCount(),
        plan.handlers,
        null,
        Set.of());
  }

  RunningExecutable(
      String name,
      String path,
      RunningExecutable parent,
      Variables scope,
      int maximumErrorCount,
      Map<String, List<ExecutablePlan>> handlers,
      String handlerName,
      Set<String> handlersAlreadyRunning) {
    this.handlersAlreadyRunning = handlersAlreadyRunning;
    this.name = name;
    this.path = path;
    this.parent = parent;
    this.scope = scope;
    this.maximumErrorCount = maximumErrorCount;
    this.handlers = handlers;
    this.handlerName = handlerName;
  }

  /** Counts an Error event here and in every container above, as SSIS counts errors. */
  void countError() {
    for (RunningExecutable e = this; e != null; e = e.parent) {
      e.errors.incrementAndGet();
    }
  }

  int errorCount() {
    return errors.get();
  }

  boolean reachedMaximumErrors() {
    return errors.get() >= maximumErrorCount;
  }

  /**
   * Whether this executable or a container above has failed by its error count, so nothing more
   * should start here. An event handler is the boundary: it runs because its owner failed.
   */
  boolean containersFailed() {
    for (RunningExecutable e = this; e != null; e = e.parent) {
      if (e.reachedMaximumErrors()) {
        return true;
      }
      if (e.handlerName != null) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether this run is inside an event handler of type {@code handler}, or was started by one
   * through a chain of events (to avoid recursion).
   */
  boolean insideHandler(String handler) {
    return handlersRunning().contains(handler);
  }

  /** The event handlers this run is inside of or was started by, e.g. [OnPreExecute]. */
  Set<String> handlersRunning() {
    Set<String> running = new java.util.HashSet<>();
    for (RunningExecutable e = this; e != null; e = e.parent) {
      if (e.handlerName != null) {
        running.add(e.handlerName);
        running.addAll(e.handlersAlreadyRunning);
      }
    }
    return running;
  }

  boolean insideAnyHandler() {
    for (RunningExecutable e = this; e != null; e = e.parent) {
      if (e.handlerName != null) {
        return true;
      }
    }
    return false;
  }
}
