package io.sluice.engine.runtime.controlflow;

import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.EventSink;
import io.sluice.engine.event.ExecutableStatistic;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.event.SecretMask;
import io.sluice.engine.runtime.variable.Variable;
import io.sluice.engine.runtime.variable.VariableType;
import io.sluice.engine.runtime.variable.Variables;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Raises the events of a run: sends each to the sink, counts errors, and runs the matching event
 * handlers from the executable that raised the event up to the package, as SSIS bubbles them, until
 * a handler sets {@code System::Propagate} to false.
 */
final class EventRouter {

  private static final Map<MessageType, String> HANDLERS =
      Map.of(
          MessageType.ERROR, "OnError",
          MessageType.WARNING, "OnWarning",
          MessageType.INFORMATION, "OnInformation",
          MessageType.PRE_EXECUTE, "OnPreExecute",
          MessageType.POST_EXECUTE, "OnPostExecute",
          MessageType.TASK_FAILED, "OnTaskFailed",
          MessageType.PROGRESS, "OnProgress",
          MessageType.VARIABLE_VALUE_CHANGED, "OnVariableValueChanged");

  /** Runs the tasks of an event handler inside its container; set by the run once built. */
  interface HandlerRunner {
    void run(RunningExecutable handlerContainer, List<ExecutablePlan> tasks);
  }

  private final String packageName;
  private final EventSink sink;
  private final Clock clock;
  private final CallingTask caller;
  private final SecretMask secrets;
  private HandlerRunner handlerRunner;

  /**
   * @param caller the Execute Package task this package runs under, or null for a top-level run
   * @param secrets the run's sensitive values: a handler's System::ErrorDescription has them
   *     masked, as the sink's copy of the event has, so a handler cannot store what no log shows
   */
  EventRouter(
      String packageName, EventSink sink, Clock clock, CallingTask caller, SecretMask secrets) {
    this.packageName = packageName;
    this.sink = sink;
    this.clock = clock;
    this.caller = caller;
    this.secrets = secrets;
  }

  void handlerRunner(HandlerRunner runner) {
    this.handlerRunner = runner;
  }

  /** Sends an event to the sink only: validation events, which run no handlers. */
  void emit(String sourceName, String path, MessageType type, String message) {
    emit(sourceName, path, type, null, message, 0);
  }

  /** As {@link #emit(String, String, MessageType, String)}, with a subcomponent and a code. */
  void emit(
      String sourceName,
      String path,
      MessageType type,
      String subcomponent,
      String message,
      int code) {
    sink.event(
        new EngineEvent(
            clock.instant(),
            type,
            packageName,
            sourceName,
            path,
            subcomponent,
            message,
            code,
            Thread.currentThread().getId()));
  }

  void raise(RunningExecutable source, MessageType type, String message) {
    raise(source, type, null, message, 0);
  }

  void raise(
      RunningExecutable source, MessageType type, String subcomponent, String message, int code) {
    sink.event(
        new EngineEvent(
            clock.instant(),
            type,
            packageName,
            source.name,
            source.path,
            subcomponent,
            message,
            code,
            Thread.currentThread().getId()));
    if (type == MessageType.ERROR) {
      source.countError();
    }
    String handler = HANDLERS.get(type);
    // A handler does not fire for events of its own kind raised by its own tasks: that would loop.
    if (handler == null || handlerRunner == null || source.insideHandler(handler)) {
      return;
    }
    bubble(source, handler, source.name, source.path, message, code, source.handlersRunning());
  }

  /**
   * Runs the {@code handler}s from {@code from} up to the package, then, for a child package, from
   * the Execute Package task up the parent's containers, until one sets Propagate to false.
   */
  private void bubble(
      RunningExecutable from,
      String handler,
      String sourceName,
      String sourcePath,
      String message,
      int code,
      Set<String> alreadyRunning) {
    for (RunningExecutable owner = from; owner != null; owner = owner.parent) {
      List<ExecutablePlan> tasks = owner.handlers.getOrDefault(handler, List.of());
      if (tasks.isEmpty()) {
        continue;
      }
      if (!runHandler(
          owner, handler, sourceName, sourcePath, message, code, tasks, alreadyRunning)) {
        return;
      }
    }
    if (caller != null && !caller.task().insideHandler(handler)) {
      Set<String> running = new HashSet<>(alreadyRunning);
      running.addAll(caller.task().handlersRunning());
      caller
          .events()
          .bubble(caller.task(), handler, sourceName, sourcePath, message, code, running);
    }
  }

  void statistic(String path, Instant start, ExecutionResult result) {
    sink.executableStatistic(
        new ExecutableStatistic(
            packageName, path, start, clock.instant(), result.code(), result.name()));
  }

  /** The System variables only event handlers have; returns the writable System::Propagate. */
  static Variable declareHandlerVariables(
      Variables scope, String sourceName, String sourcePath, int code, String description) {
    scope.system("SourceName", VariableType.STRING, sourceName);
    scope.system("SourceDescription", VariableType.STRING, sourcePath);
    scope.system("ErrorCode", VariableType.INT32, code);
    scope.system("ErrorDescription", VariableType.STRING, description);
    return scope.declare(
        new Variable("System", "Propagate", VariableType.BOOLEAN, true, false, false));
  }

  void dataFlowStatistic(io.sluice.engine.event.DataFlowStatistic statistic) {
    sink.dataFlowStatistic(statistic);
  }

  /** Runs one handler; returns whether the event should bubble further up. */
  private boolean runHandler(
      RunningExecutable owner,
      String handler,
      String sourceName,
      String sourcePath,
      String message,
      int code,
      List<ExecutablePlan> tasks,
      Set<String> alreadyRunning) {
    var scope = owner.scope.child();
    Variable propagate =
        declareHandlerVariables(
            scope,
            sourceName,
            sourcePath,
            code,
            handler.equals("OnError") || handler.equals("OnWarning") ? secrets.mask(message) : "");
    RunningExecutable container =
        new RunningExecutable(
            handler,
            owner.path + ".EventHandlers[" + handler + "]",
            owner,
            scope,
            Integer.MAX_VALUE,
            Map.of(),
            handler,
            alreadyRunning);
    handlerRunner.run(container, tasks);
    return Boolean.TRUE.equals(scope.valueOf(propagate));
  }
}
