package io.sluice.engine.runtime.task.dataflow;

import io.sluice.engine.dataflow.CancellationCheck;
import io.sluice.engine.dataflow.DataFlowEnvironment;
import io.sluice.engine.dataflow.FlatFileConnection;
import io.sluice.engine.dataflow.JdbcConnector;
import io.sluice.engine.dataflow.cache.CacheColumns;
import io.sluice.engine.dataflow.cache.CacheConnection;
import io.sluice.engine.event.DataFlowStatistic;
import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.EventSink;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.expression.EvaluationContext;
import io.sluice.engine.expression.ExpressionScope;
import io.sluice.engine.project.ConnectionDefinition;
import io.sluice.engine.runtime.connection.Connections;
import io.sluice.engine.runtime.expression.VariableSlots;
import io.sluice.engine.runtime.task.TaskContext;
import io.sluice.engine.runtime.task.TaskSettings;
import io.sluice.engine.runtime.variable.VariableException;
import io.sluice.engine.runtime.variable.Variables;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Data Flow task's view of its package for the data-flow engine: connections by name (with their
 * property expressions applied now), the variables in the task's scope, its events and the run's
 * cancellation. At validation there is no running task yet: events are dropped and nothing cancels.
 */
final class TaskDataFlowEnvironment implements DataFlowEnvironment {

  private final String packageName;
  private final String executionPath;
  private final Variables variables;
  private final Connections connections;
  private final EventSink events;
  private final CancellationCheck cancellation;
  private final Clock clock;
  private final long memoryBudget;
  private final VariableSlots slots;
  private final Function<String, byte[]> projectFiles;

  private TaskDataFlowEnvironment(
      String packageName,
      String executionPath,
      Variables variables,
      Connections connections,
      EventSink events,
      CancellationCheck cancellation,
      Clock clock,
      long memoryBudget,
      Function<String, byte[]> projectFiles) {
    this.projectFiles = projectFiles;
    this.packageName = packageName;
    this.executionPath = executionPath;
    this.variables = variables;
    this.connections = connections;
    this.events = events;
    this.cancellation = cancellation;
    this.clock = clock;
    this.memoryBudget = memoryBudget;
    this.slots = new VariableSlots(variables);
  }

  static TaskDataFlowEnvironment forValidation(TaskSettings settings, long memoryBudget) {
    String packageName = systemVariable(settings.variables(), "PackageName");
    return new TaskDataFlowEnvironment(
        packageName,
        "\\" + packageName + "\\" + settings.taskName(),
        settings.variables(),
        settings.connections(),
        event -> {},
        CancellationCheck.never(),
        Clock.systemDefaultZone(),
        memoryBudget,
        settings.projectFiles()::get);
  }

  static TaskDataFlowEnvironment forRun(TaskContext context, long memoryBudget) {
    return new TaskDataFlowEnvironment(
        context.packageName(),
        context.executionPath(),
        context.variables(),
        context.connections(),
        new ToTask(context),
        context.cancellation()::isCancelled,
        context.clock(),
        memoryBudget,
        context.projectFiles()::get);
  }

  private static String systemVariable(Variables variables, String name) {
    return variables
        .find("System::" + name)
        .map(v -> String.valueOf(variables.valueOf(v)))
        .orElse("");
  }

  @Override
  public boolean isSensitive(String name) {
    return variables.find(name).map(v -> v.sensitive()).orElse(false);
  }

  @Override
  public Object sensitiveValue(String name) {
    return variables.sensitiveValue(name);
  }

  @Override
  public byte[] projectFile(String path) {
    return projectFiles.apply(path);
  }

  @Override
  public String packageName() {
    return packageName;
  }

  @Override
  public String executionPath() {
    return executionPath;
  }

  @Override
  public EventSink events() {
    return events;
  }

  @Override
  public Optional<JdbcConnector> jdbc(String connectionName) {
    return ofType(connectionName, "jdbc").map(d -> () -> connections.openJdbc(d.name(), variables));
  }

  @Override
  public Optional<FlatFileConnection> flatFile(String connectionName) {
    return ofType(connectionName, "flatFile")
        .map(
            d -> {
              Map<String, Object> settings =
                  new LinkedHashMap<>(connections.settings(d.name(), variables));
              settings.remove("file"); // the path, given separately
              return new FlatFileConnection(connections.path(d.name(), variables), settings);
            });
  }

  @Override
  public Optional<Path> file(String connectionName) {
    return ofType(connectionName, "file").map(d -> connections.path(d.name(), variables));
  }

  @Override
  public Optional<CacheConnection> cache(String connectionName) {
    return ofType(connectionName, "cache")
        .map(
            d ->
                connections.shared(
                    d.name(),
                    CacheConnection.class,
                    () -> {
                      Map<String, Object> settings = connections.settings(d.name(), variables);
                      Object file = settings.get("file");
                      return new CacheConnection(
                          d.name(),
                          CacheColumns.parse(settings),
                          file == null || String.valueOf(file).isBlank()
                              ? null
                              : Path.of(String.valueOf(file)));
                    }));
  }

  private Optional<ConnectionDefinition> ofType(String name, String type) {
    return connections.find(name).filter(d -> d.type().equals(type));
  }

  @Override
  public ExpressionScope variableScope() {
    return slots;
  }

  @Override
  public EvaluationContext variableValues() {
    return new EvaluationContext() {
      @Override
      public Object value(int slot) {
        return slots.value(slot, variables);
      }

      @Override
      public Clock clock() {
        return clock;
      }
    };
  }

  @Override
  public boolean isWritableVariable(String qualifiedName) {
    try {
      return variables.find(qualifiedName).filter(v -> !v.readOnly()).isPresent();
    } catch (VariableException ambiguous) {
      return false;
    }
  }

  @Override
  public void setVariable(String qualifiedName, Object value) {
    variables.set(qualifiedName, value);
  }

  @Override
  public Path tempDirectory() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  @Override
  public long memoryBudgetBytes() {
    return memoryBudget;
  }

  @Override
  public CancellationCheck cancellation() {
    return cancellation;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  /**
   * The flow's events as the task's. Its Error event is left out: a failed flow fails the task with
   * the same message, which the control flow raises as the task's Error event, once.
   */
  private record ToTask(TaskContext context) implements EventSink {

    @Override
    public void event(EngineEvent event) {
      if (event.type() != MessageType.ERROR) {
        context.event(event.type(), event.subcomponent(), event.message());
      }
    }

    @Override
    public void dataFlowStatistic(DataFlowStatistic statistic) {
      context.dataFlowStatistic(statistic);
    }
  }
}
