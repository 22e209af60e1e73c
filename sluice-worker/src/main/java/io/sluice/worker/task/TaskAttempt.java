package io.sluice.worker.task;

import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.LoggingLevel;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.event.SecretMask;
import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.PropertyOverride;
import io.sluice.engine.project.PropertyOverrides;
import io.sluice.engine.runtime.CancellationToken;
import io.sluice.engine.runtime.PackageRunner;
import io.sluice.engine.runtime.RunOptions;
import io.sluice.engine.runtime.RunResult;
import io.sluice.protocol.worker.ParameterValue;
import io.sluice.protocol.worker.RunningAttempt;
import io.sluice.protocol.worker.TaskAssignment;
import io.sluice.protocol.worker.TaskResult;
import io.sluice.worker.spool.AttemptSpool;
import io.sluice.worker.spool.SpoolWriteException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt of a task on this worker: runs the package from the assignment's project archive on
 * its own threads (a thread group of its own, so every thread the package starts can be interrupted
 * together), with its own cancellation token and, when the project ships {@code lib/} jars, its own
 * class loader over them (see PackageRunner). Whatever happens inside, including an {@link
 * OutOfMemoryError} or a bad archive, ends as a result in the spool, never as an exception out of
 * here: one package's failure never takes the worker down.
 */
public final class TaskAttempt {

  private static final Logger log = LoggerFactory.getLogger(TaskAttempt.class);

  private final TaskAssignment assignment;
  private final AttemptSpool spool;
  private final Path taskLogFolder;
  private final ScheduledExecutorService timers;
  private final Runnable spoolUpdated;
  private final CancellationToken cancellation = new CancellationToken();
  private final AtomicReference<StopReason> stopReason = new AtomicReference<>();
  private final AtomicReference<String> stopMessage = new AtomicReference<>();
  private final CompletableFuture<TaskResult> finished = new CompletableFuture<>();
  private final ThreadGroup threads;
  private final ParsedProjects projects;

  /**
   * The execution's sensitive values, masked in every text this attempt writes or sends: the engine
   * masks its own events the same way; this covers what the attempt says itself (a package that
   * cannot run, its result, the worker's own log).
   */
  private final SecretMask secrets = new SecretMask();

  private volatile long startedNanos;

  /**
   * @param spoolUpdated called when the spool has something new to send (wakes the sender)
   */
  public TaskAttempt(
      TaskAssignment assignment,
      AttemptSpool spool,
      Path taskLogFolder,
      ScheduledExecutorService timers,
      Runnable spoolUpdated) {
    this(assignment, spool, taskLogFolder, timers, spoolUpdated, new ParsedProjects(1));
  }

  /**
   * @param projects where the worker keeps parsed projects, shared by its attempts
   */
  public TaskAttempt(
      TaskAssignment assignment,
      AttemptSpool spool,
      Path taskLogFolder,
      ScheduledExecutorService timers,
      Runnable spoolUpdated,
      ParsedProjects projects) {
    this.projects = projects;
    this.assignment = assignment;
    this.spool = spool;
    this.taskLogFolder = taskLogFolder;
    this.timers = timers;
    this.spoolUpdated = spoolUpdated;
    this.threads =
        new IsolatedThreads("sluice-task-" + assignment.taskId() + "-" + assignment.attempt());
    if (assignment.parameters() != null) {
      for (ParameterValue p : assignment.parameters()) {
        if (p.sensitive()) {
          secrets.add(p.value());
        }
      }
    }
    for (PropertyOverride o : overrides(assignment)) {
      if (o.sensitive()) {
        secrets.add(o.value());
      }
      PropertyOverrides.credentialsIn(o.value()).forEach(secrets::add);
    }
  }

  /** The execution's /SET and /CONNECTION as the engine takes them (none from an older master). */
  private static List<PropertyOverride> overrides(TaskAssignment assignment) {
    if (assignment.propertyOverrides() == null) {
      return List.of();
    }
    return assignment.propertyOverrides().stream()
        .map(o -> new PropertyOverride(o.path(), o.value(), o.sensitive()))
        .toList();
  }

  public RunningAttempt id() {
    return new RunningAttempt(assignment.taskId(), assignment.attempt());
  }

  public TaskAssignment assignment() {
    return assignment;
  }

  /**
   * Starts the package on a thread of its own group; {@link #finished()} completes with the result
   * (null when the attempt was aborted and reports nothing).
   */
  public void start() {
    startedNanos = System.nanoTime();
    Thread thread = new Thread(threads, this::runAndRecord, threads.getName() + "-main", 0);
    thread.setDaemon(true);
    thread.start();
  }

  /** Completes when the attempt has ended and its result is in the spool (null: aborted). */
  public CompletableFuture<TaskResult> finished() {
    return finished;
  }

  /**
   * Cancels the package. The first reason wins, except ABORTED, which always wins (a result for a
   * stale attempt must never be reported). Non-graceful reasons also interrupt every thread of the
   * package, and the cancellation token kills its child processes. Once the attempt has ended it
   * does nothing.
   */
  public void cancel(StopReason reason, String message) {
    if (finished.isDone()) {
      // Nothing left to stop: e.g. a heartbeat answered "stale" just after the result was taken.
      return;
    }
    if (reason == StopReason.ABORTED) {
      stopReason.set(reason);
      stopMessage.set(message);
    } else if (stopReason.compareAndSet(null, reason)) {
      stopMessage.set(message);
    }
    log.info(
        "canceling task {} attempt {}: {}", assignment.taskId(), assignment.attempt(), message);
    cancellation.cancel();
    if (!reason.graceful()) {
      threads.interrupt();
    }
  }

  /** How long it has run (zero before it started). */
  public Duration runningFor() {
    long started = startedNanos;
    return started == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
  }

  public StopReason stopReason() {
    return stopReason.get();
  }

  private void runAndRecord() {
    TaskResult result = null;
    try {
      result = runPackage();
    } catch (
        Throwable t) { // the worker outlives anything a package does, even running out of memory
      log.error(
          "task {} attempt {} failed",
          assignment.taskId(),
          assignment.attempt(),
          secrets.maskFailure(t));
      try {
        result =
            finish(TaskResult.Outcome.FAILED, 1, secrets.mask("the worker could not run it: " + t));
      } catch (Throwable alsoFailed) {
        log.error("cannot record the result of task {}", assignment.taskId(), alsoFailed);
      }
    } finally {
      spoolUpdated.run();
      finished.complete(result);
    }
  }

  private TaskResult runPackage() {
    RunResult run;
    String failure = null;
    ScheduledFuture<?> timeout = null;
    try (TaskLog taskLog = TaskLog.open(taskLogFolder, assignment);
        AttemptSink sink =
            new AttemptSink(spool, taskLog, secrets, timers, spoolUpdated, this::spoolFailed)) {
      try {
        if (assignment.timeoutSeconds() > 0) {
          timeout =
              timers.schedule(
                  () ->
                      cancel(
                          StopReason.TIMED_OUT,
                          "the task ran longer than its maximum of "
                              + assignment.timeoutSeconds()
                              + " s"),
                  assignment.timeoutSeconds(),
                  TimeUnit.SECONDS);
        }
        ParsedProjects.Parsed parsed = projects.parse(assignment.projectArchive());
        ProjectFiles files = parsed.files();
        Project project = parsed.project();
        PackageDefinition pkg =
            project
                .findPackage(assignment.packageName())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "package " + assignment.packageName() + " is not in the project"));
        RunOptions options =
            RunOptions.defaults()
                .withLoggingLevel(LoggingLevel.fromCode(assignment.loggingLevel()))
                .withExecution(assignment.executionId(), assignment.attempt())
                .withCancellation(cancellation);
        run =
            new PackageRunner(project, files, parsed.libraries())
                .run(
                    pkg.name(),
                    TaskParameters.values(project, pkg, assignment.parameters()),
                    PropertyOverrides.of(overrides(assignment)),
                    options,
                    sink);
      } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
        failure = secrets.mask("the package could not run: " + describe(e));
        sink.event(
            new EngineEvent(
                Instant.now(),
                MessageType.ERROR,
                assignment.packageName(),
                assignment.packageName(),
                "\\" + assignment.packageName(),
                null,
                failure,
                0,
                Thread.currentThread().getId()));
        run = null;
      } finally {
        if (timeout != null) {
          timeout.cancel(false);
        }
      }
      StopReason reason = stopReason.get();
      TaskResult.Outcome outcome;
      String message;
      if (reason == StopReason.ABORTED) {
        outcome = null;
        message = stopMessage.get();
      } else if (run == null) {
        outcome = TaskResult.Outcome.FAILED;
        message = failure;
      } else if (reason != null && run.status() != RunResult.Status.SUCCESS) {
        outcome = reason.outcome();
        message = stopMessage.get();
      } else {
        outcome =
            switch (run.status()) {
              case SUCCESS -> TaskResult.Outcome.SUCCEEDED;
              case FAILURE -> TaskResult.Outcome.FAILED;
              case CANCELED -> TaskResult.Outcome.CANCELED;
            };
        message = null;
      }
      message = secrets.mask(message);
      taskLog.line(
          Instant.now()
              + " "
              + (outcome == null ? "ABORTED (no result reported)" : outcome.name())
              + (message == null ? "" : ": " + message));
      sink.close(); // the last batch is in the spool before the result
      if (outcome == null) {
        spool.discard();
        return null;
      }
      return finish(outcome, run == null ? 1 : run.errorCount(), message);
    }
  }

  private TaskResult finish(TaskResult.Outcome outcome, int errorCount, String message) {
    if (stopReason.get() == StopReason.ABORTED) {
      spool.discard();
      return null;
    }
    try {
      return spool.finish(outcome, errorCount, message);
    } catch (SpoolWriteException e) {
      log.error("{}; hint: {}", e.getMessage(), e.hint());
      return spool.finish(outcome, errorCount, message); // recorded in memory by the first call
    }
  }

  private void spoolFailed(SpoolWriteException e) {
    log.error("{}; hint: {}", e.getMessage(), e.hint());
    cancel(StopReason.LOG_FAILURE, e.getMessage() + " (" + e.hint() + ")");
  }

  private static String describe(Throwable e) {
    if (e instanceof OutOfMemoryError) {
      return "it ran out of memory ("
          + e.getMessage()
          + "); give the worker more heap (-Xmx) or"
          + " lower maxTaskCount";
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /** The thread group of one attempt: its uncaught errors are logged, not printed. */
  private static final class IsolatedThreads extends ThreadGroup {
    IsolatedThreads(String name) {
      super(name);
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
      log.error("thread {} of {} died", t.getName(), getName(), e);
    }
  }
}
