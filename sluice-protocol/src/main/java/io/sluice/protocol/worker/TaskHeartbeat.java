package io.sluice.protocol.worker;

/** A worker renewing its lease on one attempt. */
public record TaskHeartbeat(int attempt) {}
