package io.sluice.catalog.execution;

import java.util.List;
import java.util.UUID;

/**
 * Executions as users drive them (SSIS create_execution, set_execution_parameter_value,
 * add_execution_worker, start_execution, stop_operation, catalog.executions). What runs them uses
 * {@link ExecutionRuntime}.
 */
public interface Executions {

  /** Object types of execution parameters, as SSIS. */
  int PROJECT_PARAMETER = 20;

  int PACKAGE_PARAMETER = 30;
  int SYSTEM_PARAMETER = 50;

  /**
   * Creates an execution (status 1 created) of a package of the project's current version, which
   * must be an entry point; records it as operation 200. Returns its id.
   */
  long create(CreateExecution request);

  /**
   * SSIS validate_project / validate_package: whether executions of the package (or of every entry
   * point of the project's current version, when null) would start now, with the catalog's
   * parameter values and, when given, the environment reference's variables. Changes nothing but
   * the operation it records (300 project, 301 package) with a message per problem.
   */
  Validation validate(String folder, String project, String packageOrNull, Long referenceIdOrNull);

  /**
   * Sets a parameter value of a created (status 1) execution. {@code objectType} 20 project, 30
   * package, 50 system (LOGGING_LEVEL 0-3, DUMP_ON_ERROR, SYNCHRONIZED). The value must read as the
   * parameter's data type; a sensitive one is stored encrypted.
   */
  void setParameterValue(long executionId, int objectType, String name, String value);

  /**
   * Sets a property override of a created (status 1) execution, as SSIS
   * set_execution_property_override_value and dtexec's {@code /SET} do: {@code propertyPath} is an
   * SSIS property path of the execution's package ({@code \\Package.Variables[User::Day].Value},
   * {@code \\Package.Connections[Warehouse].Properties[ConnectionString]}, ...), checked against
   * the package now (INVALID naming the path and what is accepted). A later value for the same path
   * replaces the earlier one. A {@code sensitive} value, and any that sets a connection or a
   * sensitive parameter, is stored encrypted and never shown.
   */
  void setPropertyOverride(long executionId, String propertyPath, String value, boolean sensitive);

  /** Its property overrides in the order they apply, values that may hold a secret hidden. */
  List<ExecutionPropertyOverride> propertyOverrides(long executionId);

  /**
   * Allows a worker to run a created Scale Out execution that may not use any worker. A worker that
   * does not exist (NOT_FOUND) or was removed (CONFLICT) is refused: nothing could run it there.
   */
  void addWorker(long executionId, UUID workerAgentId);

  /**
   * Why a Scale Out execution that has not begun cannot run now, one sentence each: the workers
   * named for it are disabled, no enabled worker has its tags, or none that may run it has been
   * online in the last minute. Empty when it can run, or has begun or ended. {@link #start} also
   * records the first two in its messages (as warnings), since only an operator ends them.
   */
  List<String> warnings(long executionId);

  /**
   * Starts a created execution, once: resolves every parameter (execution value, else server value
   * or environment variable, else design default) and makes it 5 pending, queueing a Scale Out task
   * when it runs in Scale Out. If a parameter cannot be resolved nothing changes, and the error
   * lists every such parameter. {@code retryCount}: how many times Scale Out retries a failed task.
   */
  Execution start(long executionId, int retryCount);

  /**
   * Stops an execution (recorded as operation 202): created or pending ones become 3 canceled at
   * once, running ones 8 stopping (the runner then ends them). Returns it after the change.
   */
  Execution stop(long executionId);

  /** Executions matching the filter, newest first. */
  List<Execution> list(ExecutionFilter filter);

  /** One execution; NOT_FOUND if there is none with that id. */
  Execution get(long executionId);

  /**
   * Its executable and data-flow statistics (SSIS executable_statistics and
   * execution_data_statistics); NOT_FOUND if there is no such execution.
   */
  ExecutionStatistics statistics(long executionId);

  /** Its parameter values, sensitive ones hidden; complete once it has started. */
  List<ExecutionParameterValue> parameterValues(long executionId);
}
