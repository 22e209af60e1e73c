package io.sluice.protocol.worker;

import java.util.List;
import java.util.UUID;

/**
 * The master's answer to an agent heartbeat.
 *
 * @param enabled false for a new or disabled worker: it polls for no task until enabled
 * @param abort attempts the worker reported that it must stop at once (no longer its own)
 * @param message what an operator should know, e.g. how to enable this worker; may be null
 */
public record AgentHeartbeatReply(
    UUID workerId, boolean enabled, List<RunningAttempt> abort, String message) {}
