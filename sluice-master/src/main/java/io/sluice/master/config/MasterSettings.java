package io.sluice.master.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A master's settings, mirroring SSIS's MasterSettings.config (port 8391, certificate, catalog,
 * cleanup and expired-task intervals, master heartbeat, catalog connection timeout) plus the lease
 * rules of task-leases.md. Where the catalog is comes from the {@code catalog:} section of the same
 * file, read by the command line's catalog options.
 *
 * @param name how this master appears in {@code sluice master status}; default machine:port
 * @param host the address to listen on; default every interface
 * @param port the worker port (8391): mutual TLS, a certificate of the cluster CA is required
 * @param managementPort health, metrics and the management API (8392): TLS, a client certificate is
 *     optional (an administrator's certificate or an API token authenticates)
 * @param advertisedAddress the address workers use to reach this master, shown in status
 * @param certificate the master's certificate chain (PEM), from {@code sluice cert master}
 * @param key the master certificate's private key (PEM)
 * @param ca the cluster CA (PEM): client certificates must be issued by it
 * @param leaseInterval L: a worker's lease on a task lasts this long after each renewal
 * @param grace G: the master waits this much longer than the lease before it treats an attempt as
 *     lost (must be at least the worker's safety margin M)
 * @param maxPollWait the longest a worker's poll is held open waiting for a task
 * @param taskTimeout a task running longer is stopped; zero means no limit
 * @param maxRequestBytes larger request bodies are refused with 413
 * @param leaderLease how long the leader lease lasts after each renewal (renewed every third of
 *     it): the leader's once-only work moves to another master at most this plus a third after the
 *     leader stops
 * @param catalogFailoverTimeout how long catalog work that failed because the catalog was
 *     unreachable or read-only is retried before it fails; zero turns retrying off
 * @param retentionCleanupInterval how often the leader runs the retention cleanup (SSIS: daily)
 * @param serverExecutions how many server-mode executions (started without Scale Out) this master
 *     runs at once, each in a child process; 0: it runs none (the CLI or another master does)
 * @param serverExecutionJvmOptions the JVM options of each such child process, e.g. {@code -Xmx1g};
 *     the child is otherwise started with this master's java and class path
 */
public record MasterSettings(
    String name,
    String host,
    int port,
    int managementPort,
    String advertisedAddress,
    Path certificate,
    Path key,
    Path ca,
    Duration cleanupCompletedTasksInterval,
    Duration expiredTaskCheckInterval,
    Duration masterHeartbeatInterval,
    Duration catalogConnectionTimeout,
    Duration leaseInterval,
    Duration grace,
    Duration maxPollWait,
    Duration taskTimeout,
    long maxRequestBytes,
    Duration leaderLease,
    Duration catalogFailoverTimeout,
    Duration retentionCleanupInterval,
    int serverExecutions,
    List<String> serverExecutionJvmOptions) {

  public static final int DEFAULT_SERVER_EXECUTIONS = 2;
  public static final List<String> DEFAULT_SERVER_EXECUTION_JVM_OPTIONS =
      List.of("-Xmx1g", "-XX:+UseSerialGC");
  public static final int DEFAULT_PORT = 8391;
  public static final int DEFAULT_MANAGEMENT_PORT = 8392;

  public MasterSettings {
    requirePositive("expiredTaskCheckInterval", expiredTaskCheckInterval);
    requirePositive("cleanupCompletedTasksInterval", cleanupCompletedTasksInterval);
    requirePositive("masterHeartbeatInterval", masterHeartbeatInterval);
    requirePositive("catalogConnectionTimeout", catalogConnectionTimeout);
    requirePositive("leaseInterval", leaseInterval);
    requirePositive("maxPollWait", maxPollWait);
    requirePositive("leaderLease", leaderLease);
    requirePositive("retentionCleanupInterval", retentionCleanupInterval);
    if (leaderLease.toMillis() < 300) {
      throw new SettingsException(
          "leaderLease " + leaderLease.toMillis() + " ms is too short",
          "use at least 300ms; the default 10s keeps leader work within the failover targets");
    }
    if (catalogFailoverTimeout == null || catalogFailoverTimeout.isNegative()) {
      throw new SettingsException(
          "catalogFailoverTimeout must be zero (no retry) or more",
          "e.g. catalogFailoverTimeout: 30s, longer than your catalog's failover takes");
    }
    if (grace == null || grace.isNegative()) {
      throw new SettingsException("grace must be zero or more", "e.g. grace: 2s");
    }
    if (taskTimeout == null || taskTimeout.isNegative()) {
      throw new SettingsException("taskTimeout must be zero (no limit) or more", "e.g. 2h");
    }
    if (managementPort < 0 || managementPort > 65535) {
      throw new SettingsException(
          "managementPort " + managementPort + " is not a TCP port",
          "use 1-65535 (default 8392), or 0 for any free");
    }
    if (port < 0 || port > 65535) {
      throw new SettingsException(
          "port " + port + " is not a TCP port", "use 1-65535 (default 8391), or 0 for any free");
    }
    if (serverExecutions < 0) {
      throw new SettingsException(
          "serverExecutions cannot be negative", "0 runs none here; default 2");
    }
    if (serverExecutionJvmOptions == null
        || serverExecutionJvmOptions.stream().anyMatch(o -> !o.startsWith("-"))) {
      throw new SettingsException(
          "serverExecutionJvmOptions must be JVM options, each starting with '-'",
          "e.g. serverExecutionJvmOptions: -Xmx2g -XX:+UseSerialGC");
    }
    serverExecutionJvmOptions = List.copyOf(serverExecutionJvmOptions);
    if (maxRequestBytes < 1024) {
      throw new SettingsException("maxRequestBytes is too small", "use at least 1024");
    }
  }

  /** The defaults of task-leases.md and SSIS's MasterSettings.config, with the given TLS files. */
  public static MasterSettings defaults(Path certificate, Path key, Path ca) {
    return new MasterSettings(
        null,
        null,
        DEFAULT_PORT,
        DEFAULT_MANAGEMENT_PORT,
        null,
        certificate,
        key,
        ca,
        Duration.ofHours(12),
        Duration.ofSeconds(1),
        Duration.ofSeconds(10),
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2),
        Duration.ofSeconds(30),
        Duration.ZERO,
        64L * 1024 * 1024,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofDays(1),
        DEFAULT_SERVER_EXECUTIONS,
        DEFAULT_SERVER_EXECUTION_JVM_OPTIONS);
  }

  public MasterSettings withPorts(int newPort, int newManagementPort) {
    return edit(
        d -> {
          d.port = newPort;
          d.managementPort = newManagementPort;
        });
  }

  public MasterSettings withLease(Duration lease, Duration newGrace, Duration check) {
    return edit(
        d -> {
          d.leaseInterval = lease;
          d.grace = newGrace;
          d.expiredTaskCheckInterval = check;
        });
  }

  public MasterSettings withTaskTimeout(Duration timeout) {
    return edit(d -> d.taskTimeout = timeout);
  }

  public MasterSettings withMaxPollWait(Duration wait) {
    return edit(d -> d.maxPollWait = wait);
  }

  public MasterSettings withMaxRequestBytes(long bytes) {
    return edit(d -> d.maxRequestBytes = bytes);
  }

  public MasterSettings withLeaderLease(Duration lease) {
    return edit(d -> d.leaderLease = lease);
  }

  public MasterSettings withCatalogFailoverTimeout(Duration timeout) {
    return edit(d -> d.catalogFailoverTimeout = timeout);
  }

  public MasterSettings withRetentionCleanupInterval(Duration interval) {
    return edit(d -> d.retentionCleanupInterval = interval);
  }

  public MasterSettings withServerExecutions(int count) {
    return edit(d -> d.serverExecutions = count);
  }

  public MasterSettings withServerExecutionJvmOptions(List<String> options) {
    return edit(d -> d.serverExecutionJvmOptions = options);
  }

  /**
   * A copy with some settings changed: every with...() goes through this one place, so a new
   * setting is added here and in the record, not in a copy of the constructor call per method.
   */
  private MasterSettings edit(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return d.build();
  }

  /** The settings as mutable fields, for {@link #edit}. */
  private static final class Draft {
    String name;
    String host;
    int port;
    int managementPort;
    String advertisedAddress;
    Path certificate;
    Path key;
    Path ca;
    Duration cleanupCompletedTasksInterval;
    Duration expiredTaskCheckInterval;
    Duration masterHeartbeatInterval;
    Duration catalogConnectionTimeout;
    Duration leaseInterval;
    Duration grace;
    Duration maxPollWait;
    Duration taskTimeout;
    long maxRequestBytes;
    Duration leaderLease;
    Duration catalogFailoverTimeout;
    Duration retentionCleanupInterval;
    int serverExecutions;
    List<String> serverExecutionJvmOptions;

    Draft(MasterSettings s) {
      name = s.name;
      host = s.host;
      port = s.port;
      managementPort = s.managementPort;
      advertisedAddress = s.advertisedAddress;
      certificate = s.certificate;
      key = s.key;
      ca = s.ca;
      cleanupCompletedTasksInterval = s.cleanupCompletedTasksInterval;
      expiredTaskCheckInterval = s.expiredTaskCheckInterval;
      masterHeartbeatInterval = s.masterHeartbeatInterval;
      catalogConnectionTimeout = s.catalogConnectionTimeout;
      leaseInterval = s.leaseInterval;
      grace = s.grace;
      maxPollWait = s.maxPollWait;
      taskTimeout = s.taskTimeout;
      maxRequestBytes = s.maxRequestBytes;
      leaderLease = s.leaderLease;
      catalogFailoverTimeout = s.catalogFailoverTimeout;
      retentionCleanupInterval = s.retentionCleanupInterval;
      serverExecutions = s.serverExecutions;
      serverExecutionJvmOptions = s.serverExecutionJvmOptions;
    }

    MasterSettings build() {
      return new MasterSettings(
          name,
          host,
          port,
          managementPort,
          advertisedAddress,
          certificate,
          key,
          ca,
          cleanupCompletedTasksInterval,
          expiredTaskCheckInterval,
          masterHeartbeatInterval,
          catalogConnectionTimeout,
          leaseInterval,
          grace,
          maxPollWait,
          taskTimeout,
          maxRequestBytes,
          leaderLease,
          catalogFailoverTimeout,
          retentionCleanupInterval,
          serverExecutions,
          serverExecutionJvmOptions);
    }
  }

  /** Every setting with its value, for the startup log. */
  public List<String> describe() {
    return List.of(
        "port " + port + " (workers, mutual TLS)",
        "managementPort " + managementPort + " (health, metrics, management API)",
        "leaseInterval " + leaseInterval.toMillis() + " ms",
        "grace " + grace.toMillis() + " ms",
        "expiredTaskCheckInterval " + expiredTaskCheckInterval.toMillis() + " ms",
        "maxPollWait " + maxPollWait.toMillis() + " ms",
        "taskTimeout " + (taskTimeout.isZero() ? "none" : taskTimeout.toSeconds() + " s"),
        "leaderLease " + leaderLease.toMillis() + " ms",
        "catalogFailoverTimeout "
            + (catalogFailoverTimeout.isZero()
                ? "none (no retry)"
                : catalogFailoverTimeout.toMillis() + " ms"),
        "retentionCleanupInterval " + retentionCleanupInterval.toMinutes() + " min",
        "serverExecutions " + serverExecutions + " at once",
        "serverExecutionJvmOptions " + String.join(" ", serverExecutionJvmOptions));
  }

  private static void requirePositive(String setting, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new SettingsException(
          setting + " must be a positive duration", "write it like 500ms, 10s, 5m or 12h");
    }
  }
}
