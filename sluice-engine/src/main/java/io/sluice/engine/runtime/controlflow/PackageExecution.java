package io.sluice.engine.runtime.controlflow;

import io.sluice.engine.event.EventSink;
import io.sluice.engine.event.SecretMask;
import io.sluice.engine.project.ConnectionDefinition;
import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.runtime.RunOptions;
import io.sluice.engine.runtime.RunResult;
import io.sluice.engine.runtime.connection.Connections;
import io.sluice.engine.runtime.expression.ExpressionService;
import io.sluice.engine.runtime.library.JdbcDrivers;
import io.sluice.engine.runtime.task.TaskTypeRegistry;
import io.sluice.engine.runtime.variable.Variables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * One run of one package, start to end: build its variables and connections, validate everything
 * (nothing runs if anything is wrong), then run the control flow. {@code PackageRunner} is the
 * public entry; this class also runs child packages for the Execute Package task.
 */
public final class PackageExecution {

  private final Project project;
  private final ProjectFiles files;
  private final TaskTypeRegistry registry;
  private final ExpressionService expressions;
  private final RunOptions options;
  private final EventSink sink;
  private final ExecutorService executor;
  private final Map<String, Object> projectValues;
  private final JdbcDrivers drivers;
  private final SecretMask secrets;

  /**
   * @param sink receives the run's events; it must mask {@code secrets} (see PackageRunner)
   * @param secrets where the run registers the sensitive values it meets: sensitive parameters of
   *     this package and of every child package, and jdbc passwords written in the project
   */
  public PackageExecution(
      Project project,
      ProjectFiles files,
      TaskTypeRegistry registry,
      ExpressionService expressions,
      RunOptions options,
      EventSink sink,
      ExecutorService executor,
      Map<String, Object> projectValues,
      JdbcDrivers drivers,
      SecretMask secrets) {
    this.project = project;
    this.files = files;
    this.registry = registry;
    this.expressions = expressions;
    this.options = options;
    this.sink = sink;
    this.executor = executor;
    this.projectValues = projectValues;
    this.drivers = drivers;
    this.secrets = secrets;
  }

  public RunResult run(PackageDefinition pkg, Map<String, Object> packageValues) {
    return run(pkg, packageValues, null);
  }

  /**
   * @param caller the Execute Package task of the parent run, or null for a top-level run
   */
  private RunResult run(
      PackageDefinition pkg, Map<String, Object> packageValues, CallingTask caller) {
    Instant start = options.clock().instant();
    EventRouter events = new EventRouter(pkg.name(), sink, options.clock(), caller, secrets);
    // SSIS: a child package's executables sit below the Execute Package task that runs it.
    String path = (caller == null ? "" : caller.task().path) + "\\" + pkg.name();
    RunVariables variables = new RunVariables(secrets);
    Variables scope =
        variables.build(project, pkg, projectValues, packageValues, options, start, expressions);
    List<ConnectionDefinition> definitions = new ArrayList<>(project.connections());
    definitions.addAll(pkg.connections());
    for (ConnectionDefinition d : definitions) {
      d.properties()
          .forEach(
              (setting, value) -> {
                if (ConnectionDefinition.isSensitiveSetting(d.type(), setting)) {
                  secrets.add(value);
                }
              });
    }
    Connections connections = new Connections(definitions, drivers);
    List<String> earlier = new ArrayList<>(variables.problems());
    earlier.addAll(connections.validate(expressions, scope));
    PlanBuilder builder =
        new PlanBuilder(pkg, project, files, connections, expressions, registry, events);
    ExecutablePlan plan = builder.build(path, scope, earlier);
    if (!builder.problems().isEmpty()) {
      return new RunResult(
          RunResult.Status.FAILURE, builder.problems().size(), elapsed(start), false);
    }
    int maxConcurrent =
        options.maxConcurrentExecutables() > 0
            ? options.maxConcurrentExecutables()
            : plan.maxConcurrentExecutables > 0
                ? plan.maxConcurrentExecutables
                : Runtime.getRuntime().availableProcessors() + 2;
    PackageRun run =
        new PackageRun(
            pkg.name(),
            project,
            files,
            connections,
            expressions,
            registry,
            events,
            options.clock(),
            options.cancellation(),
            executor,
            maxConcurrent,
            (task, name, values) -> runChild(new CallingTask(events, task), name, values));
    ExecutableRunner runner = new ExecutableRunner(run);
    Counter counter = new Counter();
    ExecutionResult result =
        runner.runPackage(plan, path, scope, variables.changeEvents(), counter);
    RunResult.Status status =
        switch (result) {
          case SUCCESS, COMPLETION -> RunResult.Status.SUCCESS;
          case FAILURE -> RunResult.Status.FAILURE;
          case CANCELED -> RunResult.Status.CANCELED;
        };
    return new RunResult(status, counter.errors, elapsed(start), true);
  }

  /**
   * Runs another package of the project with the same options, sink and project parameters, below
   * the Execute Package task that calls it: its events bubble up to that task's handlers.
   */
  private RunResult runChild(
      CallingTask caller, String packageName, Map<String, Object> packageValues) {
    PackageDefinition child = project.requirePackage(packageName);
    return new PackageExecution(
            project,
            files,
            registry,
            expressions,
            options,
            sink,
            executor,
            projectValues,
            drivers,
            secrets)
        .run(child, packageValues, caller);
  }

  private Duration elapsed(Instant start) {
    return Duration.between(start, options.clock().instant());
  }

  /** The package's error count, read once the run is over. */
  static final class Counter {
    int errors;
  }
}
