package io.sluice.catalog.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * A connection pool to one catalog database, with its schema brought up to date by Flyway.
 *
 * <p>Every catalog operation reaches PostgreSQL through the {@link Jdbi} this holds. The URL may be
 * multi-host ({@code jdbc:postgresql://a,b/sluice?targetServerType=primary}); the driver then finds
 * the primary on every new connection, and {@link CatalogFailover} retries the work a failover
 * interrupted.
 */
public final class CatalogDatabase implements AutoCloseable {

  private final HikariDataSource dataSource;
  private final CatalogFailover failover;

  private CatalogDatabase(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    this.failover = new CatalogFailover(dataSource);
  }

  /** Opens a pool to {@code location} and migrates the schema to the newest version. */
  public static CatalogDatabase open(CatalogLocation location) {
    return open(location, 10);
  }

  public static CatalogDatabase open(CatalogLocation location, int maxPoolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(location.jdbcUrl());
    config.setUsername(location.user());
    config.setPassword(location.password());
    config.setMaximumPoolSize(maxPoolSize);
    config.setMinimumIdle(1);
    config.setPoolName("sluice-catalog");
    config.setConnectionTimeout(Duration.ofSeconds(15).toMillis());
    // Fail fast with the driver's own message (wrong password, no such host) instead of a pool
    // timeout.
    config.setInitializationFailTimeout(1);
    // A connection that answered "read-only" reaches a standby (or a demoted primary): never lend
    // it
    // again. HikariCP already drops connections that broke (SQLSTATE 08, 57P0x) by itself.
    config.setExceptionOverride(new EvictReadOnlyConnections());
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new CatalogUnavailableException(location, e);
    }
    try {
      migrate(dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new CatalogDatabase(dataSource);
  }

  private static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .table("schema_history")
        .load()
        .migrate();
  }

  /**
   * Every catalog call goes through this; it rides through failovers once {@link #failover()} is
   * on.
   */
  public Jdbi jdbi() {
    return failover.jdbi();
  }

  /** Asks the catalog whether it takes work now (for readiness checks). */
  public CatalogProbe probe() {
    return new CatalogProbe(
        dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
  }

  /** Retrying of catalog work across a failover (off unless turned on), and the current outage. */
  public CatalogFailover failover() {
    return failover;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
  }

  /** Makes HikariCP drop a connection that answered "read-only" (SQLSTATE 25006). */
  private static final class EvictReadOnlyConnections implements SQLExceptionOverride {
    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
      return "25006".equals(e.getSQLState())
          ? SQLExceptionOverride.Override.MUST_EVICT
          : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
  }
}
