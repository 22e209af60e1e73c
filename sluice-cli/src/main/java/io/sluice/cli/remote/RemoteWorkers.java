package io.sluice.cli.remote;

import io.sluice.catalog.CatalogException;
import io.sluice.master.management.WorkerAgent;
import io.sluice.master.management.WorkerChanges;
import io.sluice.master.management.WorkerManagement;
import io.sluice.master.management.WorkerNames;
import java.util.List;
import java.util.UUID;

/**
 * {@link WorkerManagement} through a master's {@code /api/v1/workers}. The API names workers by id
 * only; a display name is looked up in the list first, as the local commands accept either.
 */
final class RemoteWorkers implements WorkerManagement {

  private final MasterConnection master;

  RemoteWorkers(MasterConnection master) {
    this.master = master;
  }

  @Override
  public List<WorkerAgent> list() {
    return master.getList("/workers", WorkerAgent.class);
  }

  @Override
  public WorkerAgent get(String idOrName) {
    return master.get(path(idOrName), WorkerAgent.class);
  }

  @Override
  public WorkerAgent enable(String idOrName) {
    return master.send("POST", path(idOrName) + "/enable", null, WorkerAgent.class);
  }

  @Override
  public WorkerAgent disable(String idOrName) {
    return master.send("POST", path(idOrName) + "/disable", null, WorkerAgent.class);
  }

  @Override
  public WorkerAgent set(String idOrName, WorkerChanges changes) {
    return master.send("PATCH", path(idOrName), changes, WorkerAgent.class);
  }

  @Override
  public WorkerAgent remove(String idOrName) {
    return master.send("DELETE", path(idOrName), null, WorkerAgent.class);
  }

  private String path(String idOrName) {
    return "/workers/" + id(idOrName);
  }

  private UUID id(String idOrName) {
    if (idOrName == null || idOrName.isBlank()) {
      throw CatalogException.invalid("a worker id is needed", "list workers: sluice workers list");
    }
    try {
      return UUID.fromString(idOrName.trim());
    } catch (IllegalArgumentException aName) {
      List<WorkerAgent> named =
          list().stream().filter(w -> idOrName.equals(w.displayName())).toList();
      return WorkerNames.single(idOrName, named).workerAgentId();
    }
  }
}
