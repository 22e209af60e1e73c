package io.sluice.master.management;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A worker as SSIS's catalog.worker_agents shows it, plus what Sluice adds: its status (enabled,
 * disabled or removed), its max task count and how many tasks it runs now.
 */
public record WorkerAgent(
    UUID workerAgentId,
    String displayName,
    String description,
    List<String> tags,
    String machineName,
    boolean enabled,
    String status,
    Integer maxTasks,
    int runningTasks,
    String certificateFingerprint,
    Instant lastOnlineTime,
    Instant registeredTime,
    Instant removedTime) {}
