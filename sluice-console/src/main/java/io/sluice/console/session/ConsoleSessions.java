package io.sluice.console.session;

import io.sluice.master.management.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Console sign-ins, kept in the catalog (table console_session) so any master behind a load
 * balancer knows them. The browser holds a random 256-bit id; the catalog only its SHA-256. A
 * session ends {@code lifetime} after sign-in, or once unused for {@code idleTimeout}, both on the
 * injected clock; one signed in with an API token also ends when the token is revoked, and takes
 * the token's role as it is now.
 */
public final class ConsoleSessions {

  /** Sign in again at least this often. */
  public static final Duration LIFETIME = Duration.ofHours(12);

  /** A session unused this long has ended. */
  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);

  /** last_seen_time is refreshed at most this often: not one write per request. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final Jdbi jdbi;
  private final Clock clock;
  private final Duration lifetime;
  private final Duration idleTimeout;

  public ConsoleSessions(Jdbi jdbi, Clock clock, Duration lifetime, Duration idleTimeout) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.lifetime = lifetime;
    this.idleTimeout = idleTimeout;
  }

  public ConsoleSessions(Jdbi jdbi, Clock clock) {
    this(jdbi, clock, LIFETIME, IDLE_TIMEOUT);
  }

  /** A live session: who, with which role, and its CSRF token. */
  public record Session(String idHash, String callerName, Role role, String csrf) {}

  /** A new session: the id for the cookie (shown nowhere else) and the session. */
  public record Created(String id, Session session) {}

  /**
   * Signs {@code callerName} in. {@code apiTokenHash}: the SHA-256 of the token used, null for a
   * certificate. Sessions that have ended are deleted on the way.
   */
  public Created create(String callerName, Role role, String apiTokenHash) {
    String id = Secrets.random256();
    String hash = Secrets.sha256(id);
    String csrf = Secrets.random256();
    Instant now = clock.instant();
    jdbi.useTransaction(
        handle -> {
          handle
              .createUpdate(
                  "delete from console_session where expires_time <= :now or last_seen_time <= :idle")
              .bind("now", Timestamp.from(now))
              .bind("idle", Timestamp.from(now.minus(idleTimeout)))
              .execute();
          handle
              .createUpdate(
                  """
                  insert into console_session (session_sha256, caller_name, role, api_token_sha256,
                      csrf_token, created_time, last_seen_time, expires_time)
                  values (:hash, :caller, :role, :token, :csrf, :now, :now, :expires)
                  """)
              .bind("hash", hash)
              .bind("caller", callerName)
              .bind("role", role.code())
              .bind("token", apiTokenHash)
              .bind("csrf", csrf)
              .bind("now", Timestamp.from(now))
              .bind("expires", Timestamp.from(now.plus(lifetime)))
              .execute();
        });
    return new Created(id, new Session(hash, callerName, role, csrf));
  }

  /** The live session with this id, if there is one; marks it used. */
  public Optional<Session> find(String id) {
    return find(id, true);
  }

  /**
   * The live session with this id, if there is one, without marking it used: for what a page asks
   * by itself (the dashboard's refresh, an execution's message stream), so an open tab left alone
   * still ends at the idle time-out.
   */
  public Optional<Session> peek(String id) {
    return find(id, false);
  }

  private Optional<Session> find(String id, boolean use) {
    if (id == null || id.length() != 43) {
      return Optional.empty();
    }
    String hash = Secrets.sha256(id);
    Instant now = clock.instant();
    return jdbi.withHandle(
        handle -> {
          Optional<Live> live =
              handle
                  .createQuery(
                      """
                      select s.caller_name, coalesce(t.role, s.role) as role, s.csrf_token,
                             s.last_seen_time
                      from console_session s
                      left join api_token t on t.token_sha256 = s.api_token_sha256
                      where s.session_sha256 = :hash and s.expires_time > :now
                        and s.last_seen_time > :idle
                      """)
                  .bind("hash", hash)
                  .bind("now", Timestamp.from(now))
                  .bind("idle", Timestamp.from(now.minus(idleTimeout)))
                  .map(
                      (rs, ctx) ->
                          new Live(
                              new Session(
                                  hash,
                                  rs.getString("caller_name"),
                                  Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
                                  rs.getString("csrf_token")),
                              rs.getTimestamp("last_seen_time").toInstant()))
                  .findOne();
          live.filter(l -> use && l.lastSeen().isBefore(now.minus(TOUCH_EVERY)))
              .ifPresent(
                  l ->
                      handle
                          .createUpdate(
                              "update console_session set last_seen_time = :now"
                                  + " where session_sha256 = :hash")
                          .bind("now", Timestamp.from(now))
                          .bind("hash", hash)
                          .execute());
          return live.map(Live::session);
        });
  }

  /** Signs out: the session ends at once, on every master. */
  public void end(String id) {
    if (id == null) {
      return;
    }
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate("delete from console_session where session_sha256 = :hash")
                .bind("hash", Secrets.sha256(id))
                .execute());
  }

  private record Live(Session session, Instant lastSeen) {}
}
