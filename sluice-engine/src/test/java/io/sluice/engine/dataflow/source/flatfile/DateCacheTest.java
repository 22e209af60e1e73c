package io.sluice.engine.dataflow.source.flatfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateCacheTest {

  @Test
  void everyDayOfTheWindowComesBackRightAndTheSameObjectEachTime() {
    DateCache cache = new DateCache();
    LocalDate first = LocalDate.of(1992, 1, 1);
    for (LocalDate d = first; d.getYear() < 1992 + 16; d = d.plusDays(1)) {
      LocalDate got = cache.get(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
      assertThat(got).isEqualTo(d);
      assertThat(cache.get(d.getYear(), d.getMonthValue(), d.getDayOfMonth())).isSameAs(got);
    }
  }

  @Test
  void datesOutsideTheWindowAreStillRight() {
    DateCache cache = new DateCache();
    cache.get(2000, 6, 15);
    assertThat(cache.get(1900, 2, 28)).isEqualTo(LocalDate.of(1900, 2, 28));
    assertThat(cache.get(2999, 12, 31)).isEqualTo(LocalDate.of(2999, 12, 31));
    assertThat(cache.get(2000 + DateCache.YEARS, 1, 1)).isEqualTo(LocalDate.of(2032, 1, 1));
  }

  @Test
  void daysThatDoNotExistAreRefusedEveryTime() {
    DateCache cache = new DateCache();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> cache.get(2023, 2, 29)).isInstanceOf(DateTimeException.class);
      assertThatThrownBy(() -> cache.get(2023, 13, 1)).isInstanceOf(DateTimeException.class);
      assertThatThrownBy(() -> cache.get(2023, 4, 0)).isInstanceOf(DateTimeException.class);
    }
    assertThat(cache.get(2024, 2, 29)).isEqualTo(LocalDate.of(2024, 2, 29));
  }
}
