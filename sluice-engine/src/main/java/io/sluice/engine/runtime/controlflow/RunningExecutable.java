package io.sluice.engine.runtime.controlflow;

import io.sluice.engine.runtime.variable.Variables;
import java.util.List;
import java.util.Map;
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

  private final AtomicInteger errors = new AtomicInteger();

  /** Set when a child with failParentOnFailure failed. */
  final java.util.concurrent.atomic.AtomicBoolean failedByChild =
      new java.util.concurrent.atomic.AtomicBoolean();

  RunningExecutable(
      String name,
      String path,
      RunningExecutable parent,
      Variables scope,
      int maximumErrorCount,
      Map<String, List<ExecutablePlan>> handlers,
      String handlerName) {
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

  /** Whether this run is inside an event handler of type {@code handler} (to avoid recursion). */
  boolean insideHandler(String handler) {
    for (RunningExecutable e = this; e != null; e = e.parent) {
      if (handler.equals(e.handlerName)) {
        return true;
      }
    }
    return false;
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
