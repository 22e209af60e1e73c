package io.sluice.engine.dataflow.source.flatfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueCacheTest {

  @Test
  void thousandsOfDistinctValuesStayCached() {
    ValueCache cache = new ValueCache();
    List<byte[]> days = new ArrayList<>();
    for (LocalDate d = LocalDate.of(1992, 1, 1); d.getYear() < 1999; d = d.plusDays(1)) {
      days.add(d.toString().getBytes(StandardCharsets.US_ASCII));
    }
    for (int pass = 0; pass < 8; pass++) { // misses make the table grow to its full size
      days.forEach(day -> lookUp(cache, day));
    }

    long hits = days.stream().filter(day -> lookUp(cache, day)).count();

    // 95% here; direct-mapped in 4,096 slots, nearly half of these keys evicted each other.
    assertThat(hits).isGreaterThanOrEqualTo(days.size() * 93L / 100);
  }

  @Test
  void findsOnlyTheValueOfTheSameBytes() {
    ValueCache cache = new ValueCache();
    byte[] line = "xxAIRxxRAIL|SHIP|AIR".getBytes(StandardCharsets.US_ASCII);
    int slot = cache.slot(line, 2, 5);
    assertThat(cache.find(slot, 3)).isNull();
    cache.put(slot, 3, "AIR");

    assertThat(cache.find(cache.slot(line, 17, 20), 3)).isEqualTo("AIR");
    assertThat(cache.find(cache.slot(line, 7, 11), 4)).isNull();
    assertThat(cache.find(cache.slot(line, 12, 16), 4)).isNull();
  }

  /** Looks a field up as the decoder does, storing it on a miss; true on a hit. */
  private static boolean lookUp(ValueCache cache, byte[] field) {
    int slot = cache.slot(field, 0, field.length);
    if (cache.find(slot, field.length) != null) {
      return true;
    }
    cache.put(slot, field.length, new String(field, StandardCharsets.US_ASCII));
    return false;
  }
}
