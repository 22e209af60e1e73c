package io.sluice.cli.workers;

import static io.sluice.cli.common.Output.column;

import io.sluice.catalog.Catalog;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import io.sluice.master.management.WorkerAgent;
import io.sluice.master.management.WorkerManagement;
import java.util.List;

/** A {@code sluice workers} command: on the catalog directly, or through a master (--master). */
abstract class WorkerCommandBase extends CatalogCommandBase {

  @Override
  protected final int run(Catalog catalog, Output out) {
    return run(access().workers(), out);
  }

  protected abstract int run(WorkerManagement workers, Output out);

  static String label(WorkerAgent w) {
    return w.displayName().isBlank() ? w.machineName() : w.displayName();
  }

  static void printTable(List<WorkerAgent> workers, Output out) {
    out.table(
        workers,
        column("ID", WorkerAgent::workerAgentId),
        column("NAME", WorkerCommandBase::label),
        column("STATUS", WorkerAgent::status),
        column("MACHINE", WorkerAgent::machineName),
        column(
            "RUNNING", w -> w.runningTasks() + "/" + (w.maxTasks() == null ? "?" : w.maxTasks())),
        column("LAST ONLINE", WorkerAgent::lastOnlineTime),
        column("TAGS", w -> String.join(",", w.tags())));
  }

  static void printOne(WorkerAgent w, Output out) {
    out.object(
        w,
        List.of(
            new String[] {"id", w.workerAgentId().toString()},
            new String[] {"display name", w.displayName()},
            new String[] {"description", w.description()},
            new String[] {"status", w.status()},
            new String[] {"machine", w.machineName()},
            new String[] {"tags", String.join(", ", w.tags())},
            new String[] {
              "tasks",
              w.runningTasks() + " running, at most " + (w.maxTasks() == null ? "?" : w.maxTasks())
            },
            new String[] {"last online", Output.text(w.lastOnlineTime())},
            new String[] {"registered", Output.text(w.registeredTime())},
            new String[] {"certificate SHA-256", w.certificateFingerprint()}));
  }
}
