package io.sluice.catalog.execution;

import java.util.List;

/**
 * The outcome of validating a project or package on the server (SSIS validate_project /
 * validate_package): recorded as operation {@code operationId} (300 or 301) with one message per
 * problem.
 *
 * @param packages the packages checked (a project's entry points, or the one asked for)
 * @param problems why an execution of them would not start now; empty when it would
 */
public record Validation(long operationId, List<String> packages, List<String> problems) {

  public boolean succeeded() {
    return problems.isEmpty();
  }
}
