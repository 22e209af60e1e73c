package io.sluice.master.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.monitoring.ClusterCounts;
import io.sluice.catalog.testing.CatalogUnderTest;
import io.sluice.catalog.testing.TestProjects;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster gauges on a real catalog: cached on the injected clock, never holding a scrape. */
class ClusterGaugesTest {

  private static final List<String> GAUGES =
      List.of(
          "sluice_queue_depth",
          "sluice_executions_running",
          "sluice_tasks_running",
          "sluice_workers_enabled",
          "sluice_workers_online",
          "sluice_leader_present");

  @TempDir Path dir;

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-07T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private static double value(MeterRegistry registry, String name) {
    return registry.get(name).gauge().value();
  }

  @Test
  void theCatalogIsReadAtMostOncePerMaxAgeOnTheClock() {
    try (CatalogUnderTest under = CatalogUnderTest.open()) {
      under.catalog().folders().create("F", "");
      under
          .catalog()
          .projects()
          .deploy("F", TestProjects.project("P").withPackage("Load", "").pack(dir));
      AtomicInteger reads = new AtomicInteger();
      TestClock clock = new TestClock();
      MeterRegistry registry = new SimpleMeterRegistry();
      try (ClusterGauges gauges =
          new ClusterGauges(
              () -> {
                reads.incrementAndGet();
                return ClusterCounts.read(under.jdbi());
              },
              () -> true,
              clock,
              Duration.ofSeconds(5),
              Duration.ofSeconds(10))) {
        gauges.bindTo(registry);

        assertThat(value(registry, "sluice_queue_depth")).isZero();
        assertThat(value(registry, "sluice_catalog_up")).isEqualTo(1);
        GAUGES.forEach(name -> value(registry, name)); // a whole scrape
        assertThat(reads).as("one read serves every gauge of a scrape").hasValue(1);

        long id =
            under
                .catalog()
                .executions()
                .create(CreateExecution.of("F", "P", "Load").inScaleOut(true));
        under.catalog().executions().start(id, 0);
        clock.advance(Duration.ofMillis(4_999));
        assertThat(value(registry, "sluice_queue_depth")).as("cached: not read again").isZero();
        assertThat(reads).hasValue(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(value(registry, "sluice_queue_depth")).isEqualTo(1);
        assertThat(reads).hasValue(2);
      }
    }
  }

  @Test
  void aCatalogThatHangsShowsDownAndUnknownWithinOneScrapeWait() throws Exception {
    CountDownLatch answer = new CountDownLatch(1);
    Supplier<ClusterCounts> hanging =
        () -> {
          try {
            answer.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new ClusterCounts(3, 0, 0, 1, 1, true);
        };
    MeterRegistry registry = new SimpleMeterRegistry();
    try (ClusterGauges gauges =
        new ClusterGauges(
                hanging,
                () -> true,
                Clock.systemUTC(),
                Duration.ofSeconds(5),
                Duration.ofMillis(300))
            .bindTo(registry)) {
      long start = System.nanoTime();
      GAUGES.forEach(
          name -> assertThat(value(registry, name)).as(name + " unknown, not 0").isNaN());
      assertThat(value(registry, "sluice_catalog_up")).isZero();
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("the gauges of one scrape share one wait")
          .isLessThan(Duration.ofSeconds(2));

      answer.countDown();
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> value(registry, "sluice_queue_depth") == 3);
      assertThat(value(registry, "sluice_catalog_up")).isEqualTo(1);
    }
  }

  @Test
  void aFailedReadOrAKnownOutageShowsTheCatalogDown() {
    MeterRegistry registry = new SimpleMeterRegistry();
    try (ClusterGauges failing =
        new ClusterGauges(
                () -> {
                  throw new IllegalStateException("connection refused");
                },
                () -> true,
                Clock.systemUTC(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(2))
            .bindTo(registry)) {
      assertThat(value(registry, "sluice_workers_online")).isNaN();
      assertThat(value(registry, "sluice_catalog_up")).isZero();
    }
    MeterRegistry other = new SimpleMeterRegistry();
    try (ClusterGauges outage =
        new ClusterGauges(
                () -> new ClusterCounts(0, 0, 0, 1, 1, true),
                () -> false, // the failover saw the catalog fail since
                Clock.systemUTC(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(2))
            .bindTo(other)) {
      assertThat(value(other, "sluice_catalog_up")).isZero();
    }
  }
}
