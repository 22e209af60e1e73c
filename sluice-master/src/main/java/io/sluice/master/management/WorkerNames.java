package io.sluice.master.management;

import io.sluice.catalog.CatalogException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which worker a command means when it names one by id or display name. Display names are not
 * unique (two machines may be given the same one), so a name that several workers have is refused
 * with their ids rather than read as "no such worker". One rule for the catalog and for a master's
 * API, so the local and remote commands answer alike.
 */
public final class WorkerNames {

  private WorkerNames() {}

  /** The one worker of {@code matches} (those with the id or display name), or a clear refusal. */
  public static WorkerAgent single(String idOrName, List<WorkerAgent> matches) {
    if (matches.isEmpty()) {
      throw CatalogException.notFound(
          "there is no worker '" + idOrName + "'",
          "give a worker id or display name from: sluice workers list");
    }
    if (matches.size() > 1) {
      throw CatalogException.invalid(
          matches.size()
              + " workers are named '"
              + idOrName
              + "' ("
              + matches.stream()
                  .map(w -> w.workerAgentId().toString())
                  .collect(Collectors.joining(", "))
              + ")",
          "give the worker's id, or tell them apart: sluice workers set ID --display-name NEW");
    }
    return matches.get(0);
  }
}
