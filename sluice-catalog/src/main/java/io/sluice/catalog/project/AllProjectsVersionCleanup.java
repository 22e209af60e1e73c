package io.sluice.catalog.project;

import io.sluice.catalog.retention.ProjectVersionCleanup;
import org.jdbi.v3.core.Handle;

/**
 * The projects area's rule plugged into the retention job: every project keeps its newest
 * MAX_PROJECT_VERSIONS versions (when VERSION_CLEANUP_ENABLED), exactly as after a deploy.
 */
public final class AllProjectsVersionCleanup implements ProjectVersionCleanup {

  @Override
  public int removeVersionsBeyondLimit(Handle handle) {
    return VersionRetention.applyToAll(handle);
  }
}
