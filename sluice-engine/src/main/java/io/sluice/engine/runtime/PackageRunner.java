package io.sluice.engine.runtime;

import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.EventSink;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.event.SecretMask;
import io.sluice.engine.plugin.Plugins;
import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.ParameterDefinition;
import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.PropertyOverride;
import io.sluice.engine.project.PropertyOverrides;
import io.sluice.engine.runtime.controlflow.PackageExecution;
import io.sluice.engine.runtime.expression.ExpressionService;
import io.sluice.engine.runtime.library.ProjectLibraries;
import io.sluice.engine.runtime.library.TaskLoader;
import io.sluice.engine.runtime.task.TaskTypeRegistry;
import java.util.List;
import java.util.Map;
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
    return run(packageName, parameters, PropertyOverrides.none(), options, sink);
  }

  /**
   * As {@link #run(String, ParameterValues, RunOptions, EventSink)}, with dtexec's {@code /SET} and
   * {@code /CONNECTION} (the catalog's property overrides) applied to the package once it is loaded
   * and before it is validated and run. A parameter they set wins over {@code parameters}. Their
   * values marked sensitive, and the passwords written in any of them, are masked in every event of
   * the run; what a property expression replaces is said in a warning.
   *
   * @throws io.sluice.engine.project.PropertyOverrideException when an override names nothing the
   *     package has or gives a value of the wrong type; nothing runs then
   */
  public RunResult run(
      String packageName,
      ParameterValues parameters,
      PropertyOverrides overrides,
      RunOptions options,
      EventSink sink) {
    Project project = this.project;
    SecretMask secrets = new SecretMask();
    List<String> notes = List.of();
    if (!overrides.isEmpty()) {
      for (PropertyOverride o : overrides.list()) {
        if (o.sensitive()) {
          secrets.add(o.value());
        }
        PropertyOverrides.credentialsIn(o.value()).forEach(secrets::add);
      }
      PropertyOverrides.Applied applied = overrides.apply(project, packageName);
      project = applied.project();
      parameters = withOverrides(project, packageName, parameters, applied);
      notes = applied.notes();
    }
    Project run = project;
    PackageDefinition pkg =
        run.findPackage(packageName)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "package '"
                            + packageName
                            + "' is not in project "
                            + run.name()
                            + "; its packages: "
                            + String.join(
                                ", ",
                                run.packages().stream().map(PackageDefinition::name).toList())));
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
      EventSink masked = secrets.masking(EventSink.filtered(sink, options.loggingLevel()));
      for (String note : notes) {
        masked.event(
            new EngineEvent(
                options.clock().instant(),
                MessageType.WARNING,
                pkg.name(),
                pkg.name(),
                "\\" + pkg.name(),
                null,
                note,
                0,
                Thread.currentThread().getId()));
      }
      // A project's plugins are loaded in its run's own loader, never in Sluice's: two projects
      // with different versions of one plugin each see their own.
      TaskTypeRegistry types =
          loader.isolated() ? Plugins.load(loader.classLoader()).extend(registry) : registry;
      try {
        return new PackageExecution(
                run,
                files,
                types,
                expressions,
                options,
                masked,
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

  /** {@code parameters} with the values the overrides set, typed by the parameters' definitions. */
  private static ParameterValues withOverrides(
      Project project,
      String packageName,
      ParameterValues parameters,
      PropertyOverrides.Applied applied) {
    ParameterValues values = parameters;
    for (Map.Entry<String, String> e : applied.projectParameters().entrySet()) {
      ParameterDefinition d = definition(project.parameters(), e.getKey());
      values = values.withProject(d.name(), ParameterValues.typed(d, e.getValue()));
    }
    List<ParameterDefinition> own =
        project.findPackage(packageName).map(PackageDefinition::parameters).orElse(List.of());
    for (Map.Entry<String, String> e : applied.packageParameters().entrySet()) {
      ParameterDefinition d = definition(own, e.getKey());
      values = values.withPackage(d.name(), ParameterValues.typed(d, e.getValue()));
    }
    return values;
  }

  private static ParameterDefinition definition(List<ParameterDefinition> list, String name) {
    return list.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
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
