package io.sluice.worker.spool;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.protocol.worker.EventBatch;
import io.sluice.protocol.worker.TaskResult;

/**
 * One line of a spool file (JSON lines, append-only). A file starts with a HEADER, then BATCH and
 * RESULT records as the attempt produces them, with ACK / RESULT_ACK appended as masters take them.
 * Reading the lines back in order rebuilds what is still to be sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SpoolRecord(
    Kind kind,
    Long taskId,
    Long executionId,
    Integer attempt,
    Long createdMillis,
    EventBatch batch,
    Long sequence,
    TaskResult result) {

  enum Kind {
    HEADER,
    BATCH,
    ACK,
    RESULT,
    RESULT_ACK
  }

  static SpoolRecord header(long taskId, long executionId, int attempt, long createdMillis) {
    return new SpoolRecord(
        Kind.HEADER, taskId, executionId, attempt, createdMillis, null, null, null);
  }

  static SpoolRecord batch(EventBatch batch) {
    return new SpoolRecord(Kind.BATCH, null, null, null, null, batch, batch.sequence(), null);
  }

  static SpoolRecord ack(long sequence) {
    return new SpoolRecord(Kind.ACK, null, null, null, null, null, sequence, null);
  }

  static SpoolRecord result(TaskResult result) {
    return new SpoolRecord(Kind.RESULT, null, null, null, null, null, null, result);
  }

  static SpoolRecord resultAck() {
    return new SpoolRecord(Kind.RESULT_ACK, null, null, null, null, null, null, null);
  }
}
