package io.sluice.catalog.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.parameter.ObjectType;
import io.sluice.catalog.testing.CatalogUnderTest;
import io.sluice.catalog.testing.TestProjects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several clients deploying the same project at once must each get their own, whole version. */
class ConcurrentDeployTest {

  private static final int THREADS = 8;
  private static final int DEPLOYS_PER_THREAD = 3;

  @TempDir Path tmp;
  private CatalogUnderTest cut;

  @BeforeEach
  void open() {
    cut = CatalogUnderTest.open();
    cut.setProperty("VERSION_CLEANUP_ENABLED", "false");
    cut.catalog().folders().create("Finance", "");
  }

  @AfterEach
  void close() {
    cut.close();
  }

  @Test
  void concurrentDeploysOfOneProjectNumberVersionsWithoutGapsOrDuplicates() throws Exception {
    byte[] archive = TestProjects.sample("Sales").pack(tmp);
    Projects projects = cut.catalog().projects();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Integer>>> results = new ArrayList<>();
    long began = System.nanoTime();
    for (int t = 0; t < THREADS; t++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                List<Integer> mine = new ArrayList<>();
                for (int i = 0; i < DEPLOYS_PER_THREAD; i++) {
                  mine.add(projects.deploy("Finance", archive).versionNumber());
                }
                return mine;
              }));
    }
    start.countDown();
    List<Integer> numbers = new ArrayList<>();
    for (Future<List<Integer>> r : results) {
      numbers.addAll(r.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    long millis = (System.nanoTime() - began) / 1_000_000;
    System.out.printf("%d concurrent deploys took %d ms%n", THREADS * DEPLOYS_PER_THREAD, millis);

    int total = THREADS * DEPLOYS_PER_THREAD;
    assertThat(numbers)
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, total).boxed().toList());
    assertThat(projects.versions("Finance", "Sales")).hasSize(total);
    assertThat(projects.get("Finance", "Sales").currentVersion()).isEqualTo(total);
    // Every version is complete: 2 packages and 5 parameters each.
    List<Map<String, Object>> perVersion =
        cut.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            """
                            select v.version_number,
                                   (select count(*) from package k where k.version_id = v.version_id)
                                     as packages,
                                   (select count(*) from parameter a where a.version_id = v.version_id)
                                     as parameters
                              from project_version v
                            """)
                        .mapToMap()
                        .list());
    assertThat(perVersion)
        .hasSize(total)
        .allSatisfy(
            row -> {
              assertThat(((Number) row.get("packages")).intValue()).isEqualTo(2);
              assertThat(((Number) row.get("parameters")).intValue()).isEqualTo(5);
            });
  }

  @Test
  void serverValuesSetDuringConcurrentDeploysAreCarriedToTheLastVersion() throws Exception {
    Projects projects = cut.catalog().projects();
    byte[] archive = TestProjects.sample("Sales").pack(tmp);
    projects.deploy("Finance", archive);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      work.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 3; i++) {
                  projects.deploy("Finance", archive);
                }
              }));
    }
    work.add(
        pool.submit(
            () ->
                cut.catalog()
                    .parameters()
                    .setValue("Finance", "Sales", ObjectType.PROJECT, null, "BatchSize", "42")));
    for (Future<?> f : work) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(projects.get("Finance", "Sales").currentVersion()).isEqualTo(10);
    assertThat(cut.catalog().parameters().list("Finance", "Sales"))
        .filteredOn(p -> p.name().equals("BatchSize"))
        .singleElement()
        .satisfies(p -> assertThat(p.serverValue()).isEqualTo("42"));
  }
}
