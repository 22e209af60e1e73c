package io.sluice.catalog.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * An embedded catalog as Sluice made it before passwords: initdb's pg_hba.conf trusting every local
 * login, the catalog migrated and filled as the superuser {@code postgres} (so every object is
 * its), the folders with the default modes. The upgrade tests start from this.
 */
final class OldEmbeddedCatalog {

  private OldEmbeddedCatalog() {}

  /** Makes the old catalog in {@code dataDir}, with folder 'kept' and a log partition, stopped. */
  static void create(Path dataDir) throws IOException {
    try (EmbeddedPostgres server = start(dataDir)) {
      fill(server);
    }
  }

  /**
   * Makes the old catalog and exits at once with its server left running and its port in
   * server.properties, as a sluice process killed with {@code kill -9} did.
   */
  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    EmbeddedPostgres server = start(dataDir);
    fill(server);
    Properties props = new Properties();
    props.setProperty("port", Integer.toString(server.getPort()));
    props.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
    try (OutputStream out = Files.newOutputStream(dataDir.resolve("server.properties"))) {
      props.store(out, "embedded catalog server of the sluice process with this pid");
    }
    Runtime.getRuntime().halt(0);
  }

  private static EmbeddedPostgres start(Path dataDir) throws IOException {
    Path pgData = dataDir.resolve("pgdata");
    Files.createDirectories(pgData);
    EmbeddedPostgres server =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("max_connections", "200")
            .setRegisterShutdownHook(false)
            .start();
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database sluice");
    } catch (SQLException e) {
      throw new IOException(e);
    }
    return server;
  }

  private static void fill(EmbeddedPostgres server) {
    CatalogLocation asSuperuser =
        new CatalogLocation(server.getJdbcUrl("postgres", "sluice"), "postgres", "");
    try (CatalogDatabase db = CatalogDatabase.open(asSuperuser)) {
      db.jdbi()
          .useHandle(
              h -> {
                h.execute("insert into folder (name, created_by) values ('kept', 'old')");
                h.createQuery("select ensure_log_partitions(current_date, current_date)")
                    .mapTo(Integer.class)
                    .one();
              });
    }
  }
}
