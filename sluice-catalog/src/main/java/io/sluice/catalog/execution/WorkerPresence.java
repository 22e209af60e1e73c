package io.sluice.catalog.execution;

/**
 * When a worker counts as online: it sent a heartbeat within the last minute, by the catalog's
 * clock (so a CLI on a machine whose clock is off agrees with the masters). One definition for
 * {@code sluice workers list} and for why an execution waits ({@link Executions#warnings}).
 */
public final class WorkerPresence {

  /** A SQL expression over {@code worker_agent w}: true when the worker is online. */
  public static final String ONLINE =
      "coalesce(w.last_online_time > now() - interval '1 minute', false)";

  private WorkerPresence() {}
}
