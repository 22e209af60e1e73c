package io.sluice.master.serverexecution.child;

import io.sluice.protocol.worker.ParameterValue;
import io.sluice.protocol.worker.PropertyOverrideValue;
import java.util.List;

/**
 * Everything a server-mode execution's package needs to run, and nothing of the catalog: what a
 * master sends the child process it runs the package in (one JSON line on the child's stdin, so no
 * value, sensitive or not, is ever on a command line or in an environment), and what the CLI's own
 * in-process run is given. Parameters and overrides travel as the worker protocol's types, since a
 * worker receives the same things for the same execution.
 *
 * @param archive the project archive's file (owner-only, deleted by the master afterwards); null
 *     for a run in the caller's process, which has the files already
 * @param attempt becomes {@code System::TaskAttempt}
 * @param loggingLevel the execution's SSIS logging level code
 * @param parameters the resolved values, sensitive ones in clear
 * @param propertyOverrides dtexec's /SET and /CONNECTION, in the order they apply
 */
public record ChildRequest(
    String archive,
    long executionId,
    int attempt,
    String packageName,
    int loggingLevel,
    List<ParameterValue> parameters,
    List<PropertyOverrideValue> propertyOverrides) {

  @Override
  public String toString() {
    // parameters and overrides say (hidden) for their values themselves
    return "ChildRequest[execution "
        + executionId
        + " attempt "
        + attempt
        + " package "
        + packageName
        + "]";
  }
}
