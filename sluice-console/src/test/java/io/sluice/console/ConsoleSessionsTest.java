package io.sluice.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.console.session.ConsoleSessions;
import io.sluice.console.session.ConsoleSessions.Created;
import io.sluice.console.session.Secrets;
import io.sluice.master.management.ApiTokens;
import io.sluice.master.management.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Console sessions in a real catalog, on a clock the test moves. */
class ConsoleSessionsTest {

  private CatalogDatabase database;
  private final MovingClock clock = new MovingClock(Instant.parse("2026-12-07T10:00:00Z"));
  private ConsoleSessions sessions;

  @BeforeEach
  void open() {
    database = TestCatalog.newDatabase();
    sessions =
        new ConsoleSessions(database.jdbi(), clock, Duration.ofHours(12), Duration.ofMinutes(30));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aSessionIsFoundByItsIdAndTheCatalogKeepsOnlyItsHash() {
    Created created = sessions.create("alice", Role.ADMIN, null);
    assertThat(created.id()).hasSize(43);
    assertThat(sessions.find(created.id()))
        .get()
        .extracting(s -> s.callerName())
        .isEqualTo("alice");
    assertThat(sessions.find(created.id() + "x")).isEmpty();
    String stored =
        database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select session_sha256 from console_session")
                        .mapTo(String.class)
                        .one());
    assertThat(stored).isEqualTo(Secrets.sha256(created.id())).isNotEqualTo(created.id());
  }

  @Test
  void anIdleSessionEndsAndAUsedOneLastsUntilItsLifetime() {
    Created idle = sessions.create("alice", Role.ADMIN, null);
    Created used = sessions.create("bob", Role.ADMIN, null);
    for (int i = 0; i < 24; i++) {
      clock.advance(Duration.ofMinutes(20));
      assertThat(sessions.find(used.id())).as("used every 20 min, after %d", i).isPresent();
    }
    assertThat(sessions.find(idle.id())).as("idle for 8 h").isEmpty();
    clock.advance(Duration.ofMinutes(20)); // 8 h 20 min: used, within its 12 h
    Created late = sessions.create("carol", Role.ADMIN, null);
    for (int i = 0; i < 11; i++) {
      clock.advance(Duration.ofMinutes(20));
      sessions.find(used.id());
      sessions.find(late.id());
    }
    assertThat(sessions.find(used.id())).as("12 h after sign-in").isEmpty();
    assertThat(sessions.find(late.id())).isPresent();
  }

  @Test
  void aSessionOnlyPeekedAtStillEndsWhenIdle() {
    Created created = sessions.create("alice", Role.ADMIN, null);
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofMinutes(5));
      assertThat(sessions.peek(created.id())).isPresent(); // a dashboard refreshing itself
    }
    clock.advance(Duration.ofMinutes(6)); // 31 min after the last real use
    assertThat(sessions.peek(created.id())).isEmpty();
    assertThat(sessions.find(created.id())).isEmpty();
  }

  @Test
  void signingOutEndsTheSession() {
    Created created = sessions.create("alice", Role.ADMIN, null);
    sessions.end(created.id());
    assertThat(sessions.find(created.id())).isEmpty();
  }

  @Test
  void aTokensSessionTakesTheTokensRoleAndEndsWhenItIsRevoked() {
    ApiTokens tokens = new ApiTokens(database.jdbi());
    String token = tokens.create("reader", "test", Role.READ);
    Created created = sessions.create("token:reader", Role.READ, Secrets.sha256(token));
    assertThat(sessions.find(created.id())).get().extracting(s -> s.role()).isEqualTo(Role.READ);
    tokens.revoke("reader");
    assertThat(sessions.find(created.id())).isEmpty();
  }

  /** A clock the test moves forward. */
  private static final class MovingClock extends Clock {
    private Instant now;

    MovingClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
