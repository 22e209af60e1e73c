package io.sluice.worker.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A worker's settings, as SSIS's WorkerSettings.config: who it is, which masters it talks to and
 * how, and its timing. Read from {@code worker.yaml} by {@link WorkerSettingsReader}; every field
 * is explained in docs/worker.md.
 *
 * @param masters the master endpoints, tried in order; one shared name (DNS, virtual IP, load
 *     balancer) is a list of one
 * @param heartbeatErrorTolerance how long no master may answer an agent heartbeat before the worker
 *     reports itself unhealthy (running tasks are governed by their leases, not by this)
 * @param leaseSafetyMargin M of task-leases.md: a task is stopped this long before its lease could
 *     end
 * @param logRetryCount how many times a batch of events a master refuses (not one it cannot be
 *     reached for) is sent again before it is dropped
 * @param logRetryTimeout how long undelivered events are kept in the execution log cache folder
 * @param pollWait how long a master may hold a poll open before it answers "no task"
 */
public record WorkerSettings(
    String displayName,
    String description,
    List<String> tags,
    List<URI> masters,
    Tls tls,
    Duration agentHeartbeatInterval,
    Duration taskHeartbeatInterval,
    Duration heartbeatErrorTolerance,
    int maxTaskCount,
    Duration leaseSafetyMargin,
    Path taskLogFolder,
    Path executionLogCacheFolder,
    int logRetryCount,
    Duration logRetryTimeout,
    Duration shutdownGracePeriod,
    Duration pollWait,
    Duration connectTimeout) {

  public static final Duration DEFAULT_AGENT_HEARTBEAT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_TASK_HEARTBEAT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_HEARTBEAT_ERROR_TOLERANCE = Duration.ofMinutes(10);
  public static final int DEFAULT_MAX_TASK_COUNT = 10;
  public static final Duration DEFAULT_SAFETY_MARGIN = Duration.ofSeconds(2);
  public static final int DEFAULT_LOG_RETRY_COUNT = 3;
  public static final Duration DEFAULT_LOG_RETRY_TIMEOUT = Duration.ofDays(7);
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_POLL_WAIT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

  public WorkerSettings {
    tags = List.copyOf(tags);
    masters = List.copyOf(masters);
  }

  /**
   * How the worker proves who it is and whom it trusts.
   *
   * @param trusted the cluster CA certificate, or the master's own certificate when pinned
   * @param pinned true when {@code trusted} is the master's certificate rather than a CA
   */
  public record Tls(Path trusted, boolean pinned, Path certificate, Path key) {}

  /** The same settings with other folders; tests and the demo use it. */
  public WorkerSettings withFolders(Path taskLogs, Path executionLogCache) {
    return new WorkerSettings(
        displayName,
        description,
        tags,
        masters,
        tls,
        agentHeartbeatInterval,
        taskHeartbeatInterval,
        heartbeatErrorTolerance,
        maxTaskCount,
        leaseSafetyMargin,
        taskLogs,
        executionLogCache,
        logRetryCount,
        logRetryTimeout,
        shutdownGracePeriod,
        pollWait,
        connectTimeout);
  }

  /** The same settings with other master endpoints. */
  public WorkerSettings withMasters(List<URI> endpoints) {
    return new WorkerSettings(
        displayName,
        description,
        tags,
        endpoints,
        tls,
        agentHeartbeatInterval,
        taskHeartbeatInterval,
        heartbeatErrorTolerance,
        maxTaskCount,
        leaseSafetyMargin,
        taskLogFolder,
        executionLogCacheFolder,
        logRetryCount,
        logRetryTimeout,
        shutdownGracePeriod,
        pollWait,
        connectTimeout);
  }
}
