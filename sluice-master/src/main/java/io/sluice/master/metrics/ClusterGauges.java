package io.sluice.master.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.catalog.monitoring.ClusterCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of the cluster's state read from the catalog (queue depth, workers, running tasks, a
 * leader), served by every master. A scrape never costs more than one small query per {@code
 * maxAge} (read on the injected clock), however many Prometheus servers scrape however often: the
 * numbers are cached. The read runs on a thread of its own and a scrape waits at most {@code
 * scrapeWait} for it, so a catalog that hangs (a failover: catalog work is retried for up to
 * catalogFailoverTimeout) never makes the scrape time out; it then shows {@code sluice_catalog_up
 * 0} and the cluster gauges as NaN (unknown), never stale numbers as if they were current.
 */
public final class ClusterGauges implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ClusterGauges.class);

  /** The last read: its counts (null when it failed) and when it was made. */
  private record Reading(ClusterCounts counts, Instant at) {}

  private final Supplier<ClusterCounts> read;
  private final BooleanSupplier catalogAnswers;
  private final Clock clock;
  private final Duration maxAge;
  private final Duration scrapeWait;
  private final ExecutorService reader =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "sluice-metrics-catalog-read");
            t.setDaemon(true);
            return t;
          });

  private volatile Reading last;
  private Refresh pending; // guarded by this

  /**
   * @param read the catalog read ({@link ClusterCounts#read})
   * @param catalogAnswers false while this process knows the catalog to be away (a failover)
   */
  public ClusterGauges(
      Supplier<ClusterCounts> read,
      BooleanSupplier catalogAnswers,
      Clock clock,
      Duration maxAge,
      Duration scrapeWait) {
    this.read = read;
    this.catalogAnswers = catalogAnswers;
    this.clock = clock;
    this.maxAge = maxAge;
    this.scrapeWait = scrapeWait;
  }

  /** Registers the gauges on {@code registry}. */
  public ClusterGauges bindTo(MeterRegistry registry) {
    gauge(
        registry,
        "sluice_queue_depth",
        "executions waiting for a runner (5 pending)",
        c -> c.queued());
    gauge(
        registry,
        "sluice_executions_running",
        "executions running or being stopped, on workers or masters",
        c -> c.executionsRunning());
    gauge(
        registry,
        "sluice_tasks_running",
        "Scale Out tasks running on workers",
        c -> c.tasksRunning());
    gauge(
        registry,
        "sluice_workers_enabled",
        "enabled workers, online or not",
        c -> c.workersEnabled());
    gauge(
        registry,
        "sluice_workers_online",
        "enabled workers seen within the last minute (can take work)",
        c -> c.workersOnline());
    gauge(
        registry,
        "sluice_leader_present",
        "1 while some master holds an unexpired leader lease, per the catalog",
        c -> c.leaderPresent() ? 1 : 0);
    Gauge.builder("sluice_catalog_up", this, g -> g.catalogUp() ? 1 : 0)
        .description("1 while this master reads the catalog (0 during an outage or failover)")
        .register(registry);
    return this;
  }

  private void gauge(
      MeterRegistry registry,
      String name,
      String description,
      ToDoubleFunction<ClusterCounts> value) {
    Gauge.builder(
            name,
            this,
            g -> {
              ClusterCounts counts = g.counts();
              return counts == null ? Double.NaN : value.applyAsDouble(counts);
            })
        .description(description)
        .register(registry);
  }

  /** Whether the latest read succeeded and the catalog has not failed any call since. */
  boolean catalogUp() {
    return counts() != null && catalogAnswers.getAsBoolean();
  }

  /** The current counts: cached while younger than maxAge; null if unknown now. */
  ClusterCounts counts() {
    Reading reading = last;
    if (reading != null && fresh(reading)) {
      return reading.counts();
    }
    Refresh next = refresh();
    // The wait is real time (not the injected clock), and counted from the read's start, so the
    // gauges of one scrape wait scrapeWait together, not once each.
    long waitNanos = scrapeWait.toNanos() - (System.nanoTime() - next.startedNanos());
    try {
      reading = next.reading().get(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return null; // the read is slow: the catalog is away or overloaded; the next scrape sees it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      return null; // cannot happen: the read catches its failures
    }
    return reading.counts();
  }

  private boolean fresh(Reading reading) {
    return Duration.between(reading.at(), clock.instant()).compareTo(maxAge) < 0;
  }

  /** A read of the catalog and when it started. */
  private record Refresh(CompletableFuture<Reading> reading, long startedNanos) {}

  /** The read in flight, or a new one: never two at once, however many scrapes wait. */
  private synchronized Refresh refresh() {
    if (pending == null || pending.reading().isDone()) {
      pending =
          new Refresh(CompletableFuture.supplyAsync(this::readNow, reader), System.nanoTime());
    }
    return pending;
  }

  private Reading readNow() {
    Reading reading;
    try {
      reading = new Reading(read.get(), clock.instant());
    } catch (RuntimeException e) {
      log.debug("metrics: cannot read the cluster's state from the catalog: {}", e.toString());
      reading = new Reading(null, clock.instant());
    }
    last = reading;
    return reading;
  }

  @Override
  public void close() {
    reader.shutdownNow();
  }
}
