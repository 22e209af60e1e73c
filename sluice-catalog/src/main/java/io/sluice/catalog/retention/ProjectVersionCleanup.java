package io.sluice.catalog.retention;

import org.jdbi.v3.core.Handle;

/**
 * The hook through which the cleanup also removes project versions beyond MAX_PROJECT_VERSIONS
 * (when VERSION_CLEANUP_ENABLED). The projects area owns that rule ({@code
 * project.AllProjectsVersionCleanup}); the hook keeps this package free of project internals.
 */
@FunctionalInterface
public interface ProjectVersionCleanup {

  /** Removes the project versions beyond the limit, in the given transaction; returns how many. */
  int removeVersionsBeyondLimit(Handle handle);
}
