package io.sluice.catalog.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * A connection pool to one catalog database, with its schema brought up to date by Flyway.
 *
 * <p>Every catalog operation reaches PostgreSQL through the {@link Jdbi} this holds. The URL may be
 * multi-host ({@code jdbc:postgresql://a,b/sluice?targetServerType=primary}); the driver then finds
 * the primary on every new connection.
 */
public final class CatalogDatabase implements AutoCloseable {

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;

  private CatalogDatabase(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
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

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
