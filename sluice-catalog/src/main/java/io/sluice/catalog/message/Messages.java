package io.sluice.catalog.message;

import java.util.List;

/** The event messages executions wrote (SSIS catalog.event_messages). */
public interface Messages {

  /**
   * Messages of an execution in time order (then by id); NOT_FOUND if the execution does not exist.
   */
  List<EventMessage> ofExecution(long executionId, MessageQuery query);
}
