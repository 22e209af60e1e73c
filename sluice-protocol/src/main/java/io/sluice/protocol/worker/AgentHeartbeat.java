package io.sluice.protocol.worker;

import java.util.List;

/**
 * A worker saying it is alive, with the settings an operator sees in {@code sluice workers list}
 * and the attempts it is running (so a master can tell it to abort those that are no longer its).
 */
public record AgentHeartbeat(
    String displayName,
    String description,
    List<String> tags,
    String machineName,
    int maxTasks,
    List<RunningAttempt> running) {}
