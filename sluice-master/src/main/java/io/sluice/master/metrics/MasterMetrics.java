package io.sluice.master.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.database.CatalogFailover;
import io.sluice.catalog.monitoring.ClusterCounts;
import io.sluice.catalog.monitoring.ExecutionEvents;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * The Sluice metrics of a master beyond its own dispatcher's: what it handled ({@link
 * ExecutionMetrics}, summed over masters) and the cluster's state from the catalog ({@link
 * ClusterGauges}, the same on every master). docs/monitoring.md lists them all.
 *
 * <p>The counters listen on the catalog context's Jdbi, one per master process. Two masters started
 * in one JVM on one context (some tests do) would each hear the other's events too.
 */
public final class MasterMetrics implements AutoCloseable {

  /**
   * Packages with duration series of their own; later ones share the {@code _other} series (see
   * {@link PackageLabels}). 200 packages x 15 series each stays well within what one Prometheus
   * target should export.
   */
  public static final int PACKAGE_LABEL_LIMIT = 200;

  /** How long the cluster gauges' catalog read is reused. */
  public static final Duration CLUSTER_READ_MAX_AGE = Duration.ofSeconds(5);

  /** How long a scrape waits for that read before it shows the catalog as down. */
  public static final Duration SCRAPE_WAIT = Duration.ofSeconds(2);

  private final AutoCloseable listening;
  private final ClusterGauges cluster;

  private MasterMetrics(AutoCloseable listening, ClusterGauges cluster) {
    this.listening = listening;
    this.cluster = cluster;
  }

  /** Registers the metrics and starts listening to the catalog work done through the context. */
  public static MasterMetrics bind(MeterRegistry registry, CatalogContext context, Clock clock) {
    Jdbi jdbi = context.database().jdbi();
    CatalogFailover failover = context.database().failover();
    AutoCloseable listening =
        ExecutionEvents.listen(jdbi, new ExecutionMetrics(registry, PACKAGE_LABEL_LIMIT));
    ClusterGauges cluster =
        new ClusterGauges(
                () -> ClusterCounts.read(jdbi),
                () -> failover.outage().isEmpty(),
                clock,
                CLUSTER_READ_MAX_AGE,
                SCRAPE_WAIT)
            .bindTo(registry);
    return new MasterMetrics(listening, cluster);
  }

  @Override
  public void close() {
    try {
      listening.close();
    } catch (Exception e) {
      throw new IllegalStateException(e); // removing from a list does not fail
    }
    cluster.close();
  }
}
