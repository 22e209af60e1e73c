package io.sluice.protocol.worker;

/**
 * A long poll: the master answers as soon as it has work, or after {@code waitMillis} with none.
 *
 * @param freeSlots how many tasks the worker can start now (MaxTaskCount minus running)
 */
public record PollRequest(int freeSlots, long waitMillis) {}
