package io.sluice.protocol.worker;

import java.util.List;

/** Tasks assigned to the polling worker; empty when the wait ran out. */
public record PollReply(List<TaskAssignment> tasks) {}
