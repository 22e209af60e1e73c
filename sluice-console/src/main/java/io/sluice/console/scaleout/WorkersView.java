package io.sluice.console.scaleout;

import io.sluice.console.web.Chrome;
import io.sluice.master.management.WorkerAgent;
import java.time.Instant;
import java.util.List;

/** The model of workers.jte; {@code notice}: what the last change did, or null. */
public record WorkersView(Chrome chrome, Instant now, List<WorkerAgent> workers, String notice) {}
