package io.sluice.protocol.worker;

/** One attempt of a task that a worker runs. */
public record RunningAttempt(long taskId, int attempt) {}
