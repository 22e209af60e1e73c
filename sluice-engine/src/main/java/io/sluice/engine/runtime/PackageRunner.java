package io.sluice.engine.runtime;

import io.sluice.engine.event.EventSink;
import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.runtime.controlflow.PackageExecution;
import io.sluice.engine.runtime.expression.ExpressionService;
import io.sluice.engine.runtime.task.TaskTypeRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs packages of a project, as {@code dtexec} does: validates the whole package first, then runs
 * its control flow, reporting every event to an {@link EventSink}. One runner may run many
 * packages, one after another or at once.
 */
public final class PackageRunner {

  private final Project project;
  private final ProjectFiles files;
  private final TaskTypeRegistry registry;
  private final ExpressionService expressions;

  public PackageRunner(Project project, ProjectFiles files) {
    this(project, files, TaskTypeRegistry.standard(), ExpressionService.standard());
  }

  public PackageRunner(
      Project project,
      ProjectFiles files,
      TaskTypeRegistry registry,
      ExpressionService expressions) {
    this.project = project;
    this.files = files;
    this.registry = registry;
    this.expressions = expressions;
  }

  /**
   * Runs package {@code packageName} and waits for it to end (cancel through {@link
   * RunOptions#cancellation()}).
   *
   * @throws IllegalArgumentException when the project has no such package
   */
  public RunResult run(
      String packageName, ParameterValues parameters, RunOptions options, EventSink sink) {
    PackageDefinition pkg =
        project
            .findPackage(packageName)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "package '"
                            + packageName
                            + "' is not in project "
                            + project.name()
                            + "; its packages: "
                            + String.join(
                                ", ",
                                project.packages().stream()
                                    .map(PackageDefinition::name)
                                    .toList())));
    ExecutorService executor = Executors.newCachedThreadPool(new EngineThreads(pkg.name()));
    try {
      return new PackageExecution(
              project,
              files,
              registry,
              expressions,
              options,
              EventSink.filtered(sink, options.loggingLevel()),
              executor,
              parameters.project())
          .run(pkg, parameters.packageValues());
    } finally {
      executor.shutdownNow();
    }
  }

  /** Daemon threads named after the package, so a thread dump shows what runs. */
  private static final class EngineThreads implements ThreadFactory {
    private final String packageName;
    private final AtomicInteger count = new AtomicInteger();

    EngineThreads(String packageName) {
      this.packageName = packageName;
    }

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "sluice-" + packageName + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
