package io.sluice.master.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ArchiveCacheTest {

  @Test
  void loadsEachVersionOnceAndEvictsTheLeastRecentlyUsed() {
    ArchiveCache cache = new ArchiveCache(2);
    AtomicInteger loads = new AtomicInteger();

    byte[] first = cache.get(1, () -> new byte[] {(byte) loads.incrementAndGet()});
    byte[] again = cache.get(1, () -> new byte[] {(byte) loads.incrementAndGet()});
    assertThat(again).isSameAs(first);
    assertThat(loads).hasValue(1);

    cache.get(2, () -> new byte[] {(byte) loads.incrementAndGet()});
    cache.get(1, () -> new byte[] {(byte) loads.incrementAndGet()}); // 1 is now the most recent
    cache.get(3, () -> new byte[] {(byte) loads.incrementAndGet()}); // evicts 2
    assertThat(loads).hasValue(3);

    cache.get(1, () -> new byte[] {(byte) loads.incrementAndGet()});
    assertThat(loads).as("version 1 stayed cached").hasValue(3);
    cache.get(2, () -> new byte[] {(byte) loads.incrementAndGet()});
    assertThat(loads).as("version 2 was evicted and loaded again").hasValue(4);
  }
}
