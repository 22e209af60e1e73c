package io.sluice.master.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sluice.catalog.monitoring.ExecutionEvents;
import io.sluice.catalog.operation.OperationStatus;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counters of the execution events THIS master handled (see docs/monitoring.md): executions it
 * started (the first hand-out to a worker, or a server-mode claim), executions it ended by final
 * status, their durations by package, rows moved by data flows as their statistics arrived. Each
 * event is handled by exactly one master, so the sum over every master is the cluster's figure.
 */
final class ExecutionMetrics implements ExecutionEvents.Listener {

  /** Histogram buckets: from a quick package to a nightly load. */
  private static final Duration[] BUCKETS = {
    Duration.ofSeconds(1),
    Duration.ofSeconds(5),
    Duration.ofSeconds(15),
    Duration.ofSeconds(30),
    Duration.ofMinutes(1),
    Duration.ofMinutes(2),
    Duration.ofMinutes(5),
    Duration.ofMinutes(10),
    Duration.ofMinutes(30),
    Duration.ofHours(1),
    Duration.ofHours(2),
    Duration.ofHours(6)
  };

  private final MeterRegistry registry;
  private final PackageLabels packages;
  private final Counter started;
  private final Counter rows;
  private final Map<OperationStatus, Counter> ended = new EnumMap<>(OperationStatus.class);

  ExecutionMetrics(MeterRegistry registry, int packageLimit) {
    this.registry = registry;
    this.packages = new PackageLabels(packageLimit);
    this.started =
        Counter.builder("sluice_executions_started")
            .description(
                "executions this master started: first hand-out to a worker, or run itself")
            .register(registry);
    this.rows =
        Counter.builder("sluice_data_flow_rows")
            .description("rows sent along data-flow paths, counted as this master stored them")
            .register(registry);
    // Every final status exists from the start at 0, so increase() sees the first failure.
    for (OperationStatus status : OperationStatus.values()) {
      if (status.isFinal()) {
        ended.put(
            status,
            Counter.builder("sluice_executions_ended")
                .description("executions this master ended, by final status")
                .tag("status", label(status))
                .register(registry));
      }
    }
  }

  /** A status as a label value: {@code succeeded}, {@code ended_unexpectedly}. */
  static String label(OperationStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public void started(int count) {
    started.increment(count);
  }

  @Override
  public void ended(ExecutionEvents.EndedExecution execution) {
    ended.get(execution.status()).increment();
    List<String> names =
        packages.of(execution.folder(), execution.project(), execution.packageName());
    Timer.builder("sluice_execution_duration")
        .description("how long ended executions took from start to end, by package")
        .tags("folder", names.get(0), "project", names.get(1), "package", names.get(2))
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record(execution.duration());
  }

  @Override
  public void rowsMoved(long count) {
    rows.increment(count);
  }
}
