package io.sluice.master.management;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A worker as SSIS's catalog.worker_agents shows it, plus what Sluice adds: its status (enabled,
 * disabled or removed), its max task count, how many tasks it runs now, and whether it is online:
 * it sent a heartbeat within the last minute, by the catalog's clock (so a CLI on a machine whose
 * clock is off still agrees with the masters).
 *
 * @param certificateExpiresTime when the certificate it presents expires; null until it has reached
 *     a master since masters record it
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
    Instant certificateExpiresTime,
    Instant lastOnlineTime,
    boolean online,
    Instant registeredTime,
    Instant removedTime) {}
