package io.sluice.protocol.worker;

/**
 * The worker API: what a worker may ask a master, over mutual-TLS HTTPS. Every request is a POST
 * with a JSON body and a JSON answer; the worker is identified by its client certificate, never by
 * anything in the body.
 *
 * <p>Versioned in the path: a master serves every version it knows, so workers upgrade one by one.
 * An answer other than 2xx carries an {@link io.sluice.protocol.ErrorReply}.
 */
public final class WorkerApi {

  public static final String VERSION = "v1";
  public static final String BASE = "/api/worker/" + VERSION;

  /** {@link AgentHeartbeat} -> {@link AgentHeartbeatReply}: registers on first contact. */
  public static final String HEARTBEAT = BASE + "/heartbeat";

  /** {@link PollRequest} -> {@link PollReply}: long poll for up to the worker's free slots. */
  public static final String POLL = BASE + "/tasks/poll";

  /** {@link TaskHeartbeat} -> {@link TaskHeartbeatReply}: renews the lease of one attempt. */
  public static final String TASK_HEARTBEAT = BASE + "/tasks/{taskId}/heartbeat";

  /**
   * {@link EventBatch} -> {@link Acknowledgement}: numbered, so a repeated batch is stored once.
   */
  public static final String TASK_EVENTS = BASE + "/tasks/{taskId}/events";

  /** {@link TaskResult} -> {@link Acknowledgement}: the attempt's outcome. */
  public static final String TASK_RESULT = BASE + "/tasks/{taskId}/result";

  private WorkerApi() {}

  /** A path with its {@code {taskId}} filled in. */
  public static String forTask(String path, long taskId) {
    return path.replace("{taskId}", Long.toString(taskId));
  }
}
