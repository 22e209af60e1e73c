package io.sluice.catalog.database;

import static io.sluice.catalog.database.EmbeddedCatalogSecurityTest.NOT_OWNED_BY_SLUICE;
import static io.sluice.catalog.database.EmbeddedCatalogSecurityTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog made before passwords (pg_hba trusting everyone, every object owned by the superuser)
 * is secured in place on its next start, every row kept.
 */
class EmbeddedCatalogUpgradeTest {

  @TempDir Path dataDir;
  @TempDir Path logs;

  @Test
  void aCatalogFromBeforePasswordsIsSecuredInPlaceAndKeepsItsRows() throws Exception {
    OldEmbeddedCatalog.create(dataDir);
    assertThat(rules()).as("the old catalog trusts everyone").anyMatch(r -> r.contains("trust"));

    try (EmbeddedCatalog upgraded = EmbeddedCatalog.attachOrStart(dataDir);
        CatalogDatabase db = CatalogDatabase.open(upgraded.location())) {
      assertSecured(upgraded, db);
      // The owner can go on doing everything the catalog does: write, and make partitions of
      // tables that were the superuser's.
      db.jdbi()
          .useHandle(
              h -> {
                h.execute("insert into folder (name, created_by) values ('new', 't')");
                h.createQuery("select ensure_log_partitions(current_date + 1, current_date + 1)")
                    .mapTo(Integer.class)
                    .one();
              });
    }

    // The next start is an ordinary one, and finds everything.
    try (EmbeddedCatalog again = EmbeddedCatalog.attachOrStart(dataDir);
        CatalogDatabase db = CatalogDatabase.open(again.location())) {
      assertThat(folders(db)).containsExactlyInAnyOrder("kept", "new");
      assertSecured(again, db);
    }
  }

  @Test
  void anOldServerLeftRunningIsStoppedAndSecuredNeverUsed() throws Exception {
    // A sluice from before passwords was killed and left its (trusting) server running.
    Process old =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OldEmbeddedCatalog.class.getName(),
                dataDir.toString())
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve("old-sluice.log").toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    assertThat(old.waitFor(120, TimeUnit.SECONDS)).isTrue();
    int oldPort = Integer.parseInt(serverProperties().getProperty("port"));
    assertThat(answers(oldPort)).as("the old server was left running").isTrue();

    try (EmbeddedCatalog upgraded = EmbeddedCatalog.attachOrStart(dataDir);
        CatalogDatabase db = CatalogDatabase.open(upgraded.location())) {
      assertThat(upgraded.ownsServer()).as("started a server of its own").isTrue();
      assertThat(answers(oldPort)).as("the trusting server was stopped").isFalse();
      assertSecured(upgraded, db);
    }
  }

  private void assertSecured(EmbeddedCatalog catalog, CatalogDatabase db) throws Exception {
    assertThat(folders(db)).contains("kept");
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      assertThat(text(s, "select current_user")).isEqualTo("sluice");
      assertThat(text(s, "select rolsuper::text from pg_roles where rolname = current_user"))
          .isEqualTo("false");
      assertThat(text(s, NOT_OWNED_BY_SLUICE)).as("catalog objects owned by others").isEqualTo("");
    }
    assertThat(rules()).noneMatch(r -> r.contains("trust"));
    int port = EmbeddedCatalogTest.port(catalog);
    assertThatThrownBy(
            () ->
                DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/sluice", "postgres", "")
                    .close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve("server.properties"))))
        .isEqualTo("rw-------");
  }

  private static List<String> folders(CatalogDatabase db) {
    return db.jdbi()
        .withHandle(h -> h.createQuery("select name from folder").mapTo(String.class).list());
  }

  private List<String> rules() throws IOException {
    return Files.readAllLines(dataDir.resolve("pgdata/pg_hba.conf")).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  private Properties serverProperties() throws IOException {
    Properties props = new Properties();
    try (var in = Files.newInputStream(dataDir.resolve("server.properties"))) {
      props.load(in);
    }
    return props;
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
