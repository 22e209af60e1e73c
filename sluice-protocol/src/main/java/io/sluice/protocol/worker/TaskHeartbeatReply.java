package io.sluice.protocol.worker;

/**
 * The master's answer to a task heartbeat.
 *
 * @param leaseMillis the lease the renewal granted, counted by the worker from just before it sent
 *     the heartbeat
 */
public record TaskHeartbeatReply(Verdict verdict, long leaseMillis) {}
