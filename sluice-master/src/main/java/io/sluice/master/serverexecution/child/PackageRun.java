package io.sluice.master.serverexecution.child;

import io.sluice.engine.event.EventSink;
import io.sluice.engine.event.LoggingLevel;
import io.sluice.engine.event.SecretMask;
import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.ParameterDefinition;
import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.PropertyOverride;
import io.sluice.engine.project.PropertyOverrides;
import io.sluice.engine.runtime.CancellationToken;
import io.sluice.engine.runtime.PackageRunner;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.runtime.RunOptions;
import io.sluice.engine.runtime.RunResult;
import io.sluice.protocol.worker.ParameterValue;
import io.sluice.protocol.worker.PropertyOverrideValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs one server-mode execution's package with the engine's {@link PackageRunner}, in the process
 * that calls it: the child process a master starts for it ({@link ServerExecutionChild}), or the
 * CLI running one itself. One path for both, so an execution runs the same way wherever it runs.
 *
 * <p>Whatever keeps the package from running (a project that does not parse, a package it lacks, a
 * value its parameter cannot take) becomes a {@link ChildLine.Result#failure()}, masked; every
 * event goes to the sink masked (the engine masks its own; {@link #secrets} covers the rest).
 */
public final class PackageRun {

  private final ChildRequest request;
  private final SecretMask secrets = new SecretMask();

  public PackageRun(ChildRequest request) {
    this.request = request;
    for (ParameterValue p : orEmpty(request.parameters())) {
      if (p.sensitive()) {
        secrets.add(p.value());
      }
    }
    for (PropertyOverrideValue o : orEmpty(request.propertyOverrides())) {
      if (o.sensitive()) {
        secrets.add(o.value());
      }
      PropertyOverrides.credentialsIn(o.value()).forEach(secrets::add);
    }
  }

  /** The execution's sensitive values, to mask what the caller says about the run. */
  public SecretMask secrets() {
    return secrets;
  }

  /**
   * Runs the package of {@code files}, parsed here; {@code sink} gets every event and statistic at
   * the execution's logging level, masked.
   */
  public ChildLine.Result run(ProjectFiles files, EventSink sink, CancellationToken cancellation) {
    try {
      return run(files, io.sluice.engine.project.ProjectParser.parse(files), sink, cancellation);
    } catch (RuntimeException e) {
      return couldNotRun(e);
    }
  }

  /** {@link #run(ProjectFiles, EventSink, CancellationToken)} of a project parsed already. */
  public ChildLine.Result run(
      ProjectFiles files, Project project, EventSink sink, CancellationToken cancellation) {
    try {
      PackageDefinition pkg =
          project
              .findPackage(request.packageName())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "package " + request.packageName() + " is not in the stored project"));
      LoggingLevel level = LoggingLevel.fromCode(request.loggingLevel());
      List<PropertyOverride> overrides =
          orEmpty(request.propertyOverrides()).stream()
              .map(o -> new PropertyOverride(o.path(), o.value(), o.sensitive()))
              .toList();
      RunOptions options =
          RunOptions.defaults()
              .withLoggingLevel(level)
              .withExecution(request.executionId(), request.attempt())
              .withCancellation(cancellation);
      EventSink masked = EventSink.filtered(new MaskingSink(sink, secrets), level);
      RunResult result =
          new PackageRunner(project, files)
              .run(
                  pkg.name(),
                  parameterValues(project, pkg, request.parameters()),
                  PropertyOverrides.of(overrides),
                  options,
                  masked);
      return new ChildLine.Result(result.status(), result.errorCount(), null);
    } catch (RuntimeException e) {
      return couldNotRun(e);
    }
  }

  private ChildLine.Result couldNotRun(RuntimeException e) {
    return ChildLine.Result.couldNotRun(secrets.maskFailure(e).getMessage());
  }

  /**
   * The resolved values, typed by the project's own parameter definitions (20 project, 30 package).
   */
  static ParameterValues parameterValues(
      Project project, PackageDefinition pkg, List<ParameterValue> resolved) {
    Map<String, ParameterDefinition> projectParameters = byName(project.parameters());
    Map<String, ParameterDefinition> packageParameters = byName(pkg.parameters());
    Map<String, Object> projectValues = new HashMap<>();
    Map<String, Object> packageValues = new HashMap<>();
    for (ParameterValue p : orEmpty(resolved)) {
      if (p.value() == null) {
        continue;
      }
      if (p.objectType() == 20 && projectParameters.containsKey(p.name())) {
        projectValues.put(
            p.name(), ParameterValues.typed(projectParameters.get(p.name()).type(), p.value()));
      } else if (p.objectType() == 30 && packageParameters.containsKey(p.name())) {
        packageValues.put(
            p.name(), ParameterValues.typed(packageParameters.get(p.name()).type(), p.value()));
      }
    }
    return new ParameterValues(projectValues, packageValues);
  }

  private static Map<String, ParameterDefinition> byName(List<ParameterDefinition> parameters) {
    return parameters.stream()
        .collect(Collectors.toMap(ParameterDefinition::name, Function.identity()));
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** Masks each event once more on its way out: the engine's mask, and this run's own values. */
  private record MaskingSink(EventSink sink, SecretMask secrets) implements EventSink {
    @Override
    public void event(io.sluice.engine.event.EngineEvent e) {
      sink.event(secrets.maskEvent(e));
    }

    @Override
    public void executableStatistic(io.sluice.engine.event.ExecutableStatistic s) {
      sink.executableStatistic(s);
    }

    @Override
    public void dataFlowStatistic(io.sluice.engine.event.DataFlowStatistic s) {
      sink.dataFlowStatistic(s);
    }
  }
}
