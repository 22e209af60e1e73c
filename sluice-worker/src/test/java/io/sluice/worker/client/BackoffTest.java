package io.sluice.worker.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesFromTheBaseWithJitterInTheUpperHalfAndNeverExceedsTheCap() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new Random(42));
    for (int round = 0; round < 200; round++) {
      for (int failures = 1; failures <= 30; failures++) {
        long ceiling = Math.min(2_000, 100L << Math.min(failures - 1, 20));
        long d = backoff.delay(failures).toMillis();
        assertThat(d).isBetween(ceiling / 2, ceiling);
      }
    }
  }

  @Test
  void jitterSpreadsWorkersThatFailTogether() {
    Backoff backoff = Backoff.standard();
    long distinct =
        java.util.stream.IntStream.range(0, 50)
            .mapToLong(i -> backoff.delay(5).toMillis())
            .distinct()
            .count();
    assertThat(distinct).isGreaterThan(10);
  }

  @Test
  void aFailoverIsRiddenThroughInSeconds() {
    // Ten failures in a row (a master dying, the next taking over) wait at most ~13 s in total,
    // and every single wait is at most the 2 s cap.
    Backoff backoff = Backoff.standard();
    long total = 0;
    for (int f = 1; f <= 10; f++) {
      total += backoff.delay(f).toMillis();
    }
    assertThat(total).isLessThanOrEqualTo(100 + 200 + 400 + 800 + 1600 + 5 * 2000);
    assertThat(backoff.cap()).isEqualTo(Duration.ofSeconds(2));
  }
}
