package io.sluice.engine.runtime.controlflow;

import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.runtime.CancellationToken;
import io.sluice.engine.runtime.RunResult;
import io.sluice.engine.runtime.connection.Connections;
import io.sluice.engine.runtime.expression.ExpressionService;
import io.sluice.engine.runtime.task.TaskTypeRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/** What every executable of one package run shares. */
final class PackageRun {

  /** Runs a package of the same project inside this run (the Execute Package task). */
  interface ChildPackages {
    RunResult run(
        RunningExecutable task, String packageName, Map<String, Object> packageParameters);
  }

  final String packageName;
  final Project project;
  final ProjectFiles files;
  final Connections connections;
  final ExpressionService expressions;
  final TaskTypeRegistry registry;
  final EventRouter events;
  final Clock clock;
  final CancellationToken cancellation;
  final ExecutorService executor;

  /** Limits tasks running at once (MaxConcurrentExecutables); containers take no permit. */
  final Semaphore taskPermits;

  final ChildPackages childPackages;

  /** Set when a task with failPackageOnFailure fails. */
  final AtomicBoolean packageFailed = new AtomicBoolean();

  PackageRun(
      String packageName,
      Project project,
      ProjectFiles files,
      Connections connections,
      ExpressionService expressions,
      TaskTypeRegistry registry,
      EventRouter events,
      Clock clock,
      CancellationToken cancellation,
      ExecutorService executor,
      int maxConcurrentTasks,
      ChildPackages childPackages) {
    this.packageName = packageName;
    this.project = project;
    this.files = files;
    this.connections = connections;
    this.expressions = expressions;
    this.registry = registry;
    this.events = events;
    this.clock = clock;
    this.cancellation = cancellation;
    this.executor = executor;
    this.taskPermits = new Semaphore(maxConcurrentTasks, true);
    this.childPackages = childPackages;
  }

  boolean cancelled() {
    return cancellation.isCancelled();
  }
}
