package io.sluice.master.management;

import java.util.List;

/**
 * Worker management as {@code sluice workers} uses it: {@link WorkerAgents} on the catalog
 * directly, or a master's {@code /api/v1/workers} through the CLI's remote client. A worker is
 * named by its id or its (unique) display name.
 */
public interface WorkerManagement {

  List<WorkerAgent> list();

  /** NOT_FOUND if no worker has that id or display name. */
  WorkerAgent get(String idOrName);

  WorkerAgent enable(String idOrName);

  /** Drains the worker: no new task, it finishes what it runs. */
  WorkerAgent disable(String idOrName);

  /** Changes what {@code changes} gives (non-null fields); INVALID when it gives nothing. */
  WorkerAgent set(String idOrName, WorkerChanges changes);

  /** Refuses its certificate from now on and stops its running executions. */
  WorkerAgent remove(String idOrName);
}
