package io.sluice.engine.dataflow;

import io.sluice.engine.dataflow.cache.CacheConnection;
import io.sluice.engine.event.EventSink;
import io.sluice.engine.expression.EvaluationContext;
import io.sluice.engine.expression.ExpressionScope;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * What a data flow needs from the package around it. The control-flow runtime implements it per
 * Data Flow task execution; {@link SimpleDataFlowEnvironment} serves tests and benchmarks.
 */
public interface DataFlowEnvironment {

  /** The package that runs the data flow, for messages and events. */
  String packageName();

  /** The execution path of the Data Flow task, e.g. {@code \Package\Load rates}. */
  String executionPath();

  /** Where events and data-flow statistics go; called from the pipeline's threads. */
  EventSink events();

  /** A JDBC connection manager by name, or empty when there is none of that name and type. */
  Optional<JdbcConnector> jdbc(String connectionName);

  /** {@link #jdbc}, refused while planning when there is none of that name and type. */
  default JdbcConnector requireJdbc(String connectionName) {
    return jdbc(connectionName)
        .orElseThrow(
            () ->
                new io.sluice.engine.dataflow.pipeline.PlanningException(
                    "connection '" + connectionName + "' is not a JDBC connection"));
  }

  /** A flat file connection manager by name, or empty when there is none of that name and type. */
  Optional<FlatFileConnection> flatFile(String connectionName);

  /** A file connection manager's path by name, or empty when there is none. */
  Optional<Path> file(String connectionName);

  /**
   * A cache connection by name (Cache Transform, Lookup), the same object for every data flow of a
   * package run; empty when there is none of that name and type.
   */
  default Optional<CacheConnection> cache(String connectionName) {
    return Optional.empty();
  }

  /**
   * Variables and parameters that expressions in the data flow may use, with their types; the slots
   * it hands out index {@link #variableValues()}.
   */
  ExpressionScope variableScope();

  /** The current values of {@link #variableScope()}'s slots, read when the data flow starts. */
  EvaluationContext variableValues();

  /** Whether a variable such as {@code User::RowCount} exists and may be written. */
  boolean isWritableVariable(String qualifiedName);

  /** Writes a variable (Row Count, Recordset destination) once the data flow has its value. */
  void setVariable(String qualifiedName, Object value);

  /** A folder for Sort and Aggregate spill files; the pipeline deletes its files when done. */
  Path tempDirectory();

  /** How much heap the blocking components (Sort, Aggregate) of one data flow may hold. */
  long memoryBudgetBytes();

  /** The run's cancellation, also checked by {@link DataFlowPlan#run()}. */
  default CancellationCheck cancellation() {
    return CancellationCheck.never();
  }

  /**
   * Whether {@code name} is a sensitive parameter: expressions may not read it (SSIS's rule), but a
   * component may hand it on through the SDK's {@code Variables.sensitiveValue}.
   */
  default boolean isSensitive(String name) {
    return false;
  }

  /** A sensitive parameter's value; masked wherever it appears in the run's events. */
  default Object sensitiveValue(String name) {
    throw new IllegalArgumentException("there is no sensitive parameter " + name);
  }

  /** A file of the project by relative path (a Script Component's {@code file:}), or null. */
  default byte[] projectFile(String path) {
    return null;
  }

  /** The clock GETDATE() reads in expressions. */
  default Clock clock() {
    return Clock.systemDefaultZone();
  }
}
