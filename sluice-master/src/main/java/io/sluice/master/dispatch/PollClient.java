package io.sluice.master.dispatch;

import io.sluice.protocol.worker.PollReply;

/**
 * The worker at the other end of one long poll, as the dispatcher needs it: whether it still waits,
 * and the delivery of the answer. A worker that was killed or shut down while its poll waited must
 * not be handed a task: nobody would run it until its lease ran out.
 */
public interface PollClient {

  /** Whether the poll's connection is still open; false once the worker closed it or died. */
  boolean connected();

  /**
   * Sends the answer now. False when it certainly did not reach the worker (the connection was
   * closed or the write failed); true when it was sent, which is all TCP can tell.
   */
  boolean deliver(PollReply reply);
}
