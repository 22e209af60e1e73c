package io.sluice.engine.runtime;

import io.sluice.engine.event.EventSink;
import io.sluice.engine.event.SecretMask;
import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.runtime.controlflow.PackageExecution;
import io.sluice.engine.runtime.expression.ExpressionService;
import io.sluice.engine.runtime.library.ProjectLibraries;
import io.sluice.engine.runtime.library.TaskLoader;
import io.sluice.engine.runtime.task.TaskTypeRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs packages of a project, as {@code dtexec} does: validates the whole package first, then runs
 * its control flow, reporting every event to an {@link EventSink} with the run's sensitive values
 * masked ({@link SecretMask}). One runner may run many packages, one after another or at once.
 */
public final class PackageRunner {

  private final Project project;
  private final ProjectFiles files;
  private final TaskTypeRegistry registry;
  private final ExpressionService expressions;
  private final ProjectLibraries libraries;

  /** A runner whose project's {@code lib/} jars, if any, go to the process's temporary store. */
  public PackageRunner(Project project, ProjectFiles files) {
    this(project, files, ProjectLibraries.of(files));
  }

  /**
   * @param libraries the project's {@code lib/} jars, made once per project version (a worker keeps
   *     them with the parsed project)
   */
  public PackageRunner(Project project, ProjectFiles files, ProjectLibraries libraries) {
    this(project, files, libraries, TaskTypeRegistry.standard(), ExpressionService.standard());
  }

  public PackageRunner(
      Project project,
      ProjectFiles files,
      ProjectLibraries libraries,
      TaskTypeRegistry registry,
      ExpressionService expressions) {
    this.project = project;
    this.files = files;
    this.libraries = libraries;
    this.registry = registry;
    this.expressions = expressions;
  }

  /**
   * Runs package {@code packageName} and waits for it to end (cancel through {@link
   * RunOptions#cancellation()}). When the project has {@code lib/} jars, the run gets a class
   * loader of its own over them: the context class loader of this thread while the run lasts and of
   * every thread the run starts, closed when the run ends.
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
    try (TaskLoader loader = libraries.open("sluice-" + project.name() + "-" + pkg.name())) {
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      if (loader.isolated()) {
        thread.setContextClassLoader(loader.classLoader());
      }
      ExecutorService executor =
          Executors.newCachedThreadPool(new EngineThreads(pkg.name(), loader));
      // Every event of the run passes here, whoever receives it (terminal, catalog, worker spool):
      // the run registers its sensitive values before it raises any event.
      SecretMask secrets = new SecretMask();
      try {
        return new PackageExecution(
                project,
                files,
                registry,
                expressions,
                options,
                secrets.masking(EventSink.filtered(sink, options.loggingLevel())),
                executor,
                parameters.project(),
                loader,
                secrets)
            .run(pkg, parameters.packageValues());
      } finally {
        executor.shutdownNow();
        thread.setContextClassLoader(previous);
      }
    }
  }

  /**
   * Daemon threads named after the package, so a thread dump shows what runs, with the run's class
   * loader (threads they start in turn inherit it).
   */
  private static final class EngineThreads implements ThreadFactory {
    private final String packageName;
    private final TaskLoader loader;
    private final AtomicInteger count = new AtomicInteger();

    EngineThreads(String packageName, TaskLoader loader) {
      this.packageName = packageName;
      this.loader = loader;
    }

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "sluice-" + packageName + "-" + count.incrementAndGet());
      t.setDaemon(true);
      if (loader.isolated()) {
        t.setContextClassLoader(loader.classLoader());
      }
      return t;
    }
  }
}
