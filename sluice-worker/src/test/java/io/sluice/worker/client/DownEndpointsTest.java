package io.sluice.worker.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DownEndpointsTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final DownEndpoints down = new DownEndpoints(3, Duration.ofSeconds(10), now::get);

  @Test
  void withoutRefusalsTheNextEndpointIsTheNextInTheList() {
    assertThat(down.next(0)).isEqualTo(1);
    assertThat(down.next(2)).isEqualTo(0);
  }

  @Test
  void anEndpointThatRefusedIsPassedOverForOneThatIsOnlySlow() {
    down.refused(0); // the master that was killed
    assertThat(down.next(1)).as("slow master 1 fails: try 2, not dead 0").isEqualTo(2);
    down.refused(2);
    assertThat(down.next(1)).as("the only live one is slow: stay on it").isEqualTo(1);
  }

  @Test
  void whenEveryEndpointRefusedTheyAreTriedInTurn() {
    down.refused(0);
    down.refused(1);
    down.refused(2);
    assertThat(down.next(0)).isEqualTo(1);
    assertThat(down.next(1)).isEqualTo(2);
  }

  @Test
  void aRefusalIsForgottenAfterTheMemoryOrWhenTheEndpointAnswers() {
    down.refused(0);
    down.refused(2);
    assertThat(down.next(1)).isEqualTo(1);
    down.answered(2);
    assertThat(down.next(1)).isEqualTo(2);
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    assertThat(down.isDown(0)).as("may have been restarted").isFalse();
  }
}
