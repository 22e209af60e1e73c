package io.sluice.console.scaleout;

import io.sluice.console.web.Chrome;
import io.sluice.master.management.WorkerAgent;
import java.time.Instant;

/** The model of worker.jte and worker_remove.jte. */
public record WorkerView(Chrome chrome, Instant now, WorkerAgent worker) {

  public String name() {
    String name = worker.displayName();
    return name == null || name.isBlank() ? worker.workerAgentId().toString() : name;
  }

  public String tagsText() {
    return String.join(", ", worker.tags());
  }
}
