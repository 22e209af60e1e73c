package io.sluice.catalog.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedCatalogTest {

  @TempDir Path dataDir;

  @Test
  void secondUserAttachesToTheRunningServerAndDataSurvivesARestart() {
    try (EmbeddedCatalog owner = EmbeddedCatalog.attachOrStart(dataDir)) {
      assertThat(owner.ownsServer()).isTrue();
      try (CatalogDatabase db = CatalogDatabase.open(owner.location())) {
        db.jdbi()
            .useHandle(
                h -> h.execute("insert into folder (name, created_by) values ('kept', 't')"));
      }
      // Within one JVM the OS lock is per process, so a second attach in-process must not start a
      // second server: it reuses the first one's port via server.properties.
      assertThat(dataDir.resolve("server.properties")).exists();
    }
    assertThat(dataDir.resolve("server.properties")).doesNotExist();

    try (EmbeddedCatalog restarted = EmbeddedCatalog.attachOrStart(dataDir);
        CatalogDatabase db = CatalogDatabase.open(restarted.location())) {
      assertThat(restarted.ownsServer()).isTrue();
      String name =
          db.jdbi()
              .withHandle(h -> h.createQuery("select name from folder").mapTo(String.class).one());
      assertThat(name).isEqualTo("kept");
    }
  }

  @Test
  void committedWorkIsFlushedToDisk() {
    // The embedded library's own defaults (fsync and synchronous_commit off) fit a test database,
    // not a catalog: a commit must be on disk before it is answered.
    try (EmbeddedCatalog catalog = EmbeddedCatalog.attachOrStart(dataDir);
        CatalogDatabase db = CatalogDatabase.open(catalog.location())) {
      for (String setting : new String[] {"fsync", "synchronous_commit"}) {
        String value =
            db.jdbi().withHandle(h -> h.createQuery("show " + setting).mapTo(String.class).one());
        assertThat(value).as(setting).isEqualTo("on");
      }
    }
  }

  @Test
  void theLastOneOutStopsTheServerNotTheFirst() throws Exception {
    EmbeddedCatalog owner = EmbeddedCatalog.attachOrStart(dataDir);
    assertThat(owner.ownsServer()).isTrue();
    int port = port(owner);
    try (CatalogDatabase stillWorking = CatalogDatabase.open(owner.location())) {
      // The owner leaves while another user (here: a pool standing for another process) is busy.
      owner.close();
      assertThat(answers(port)).as("server kept for the user still connected").isTrue();
      Integer folders =
          stillWorking
              .jdbi()
              .withHandle(
                  h -> h.createQuery("select count(*) from folder").mapTo(Integer.class).one());
      assertThat(folders).isZero();
    }

    // The next one in adopts the running server; with nobody else connected, it stops it on
    // leaving.
    EmbeddedCatalog next = EmbeddedCatalog.attachOrStart(dataDir);
    assertThat(next.ownsServer()).isFalse();
    assertThat(port(next)).isEqualTo(port);
    next.close();
    assertThat(answers(port)).as("server stopped by the last one out").isFalse();
    assertThat(dataDir.resolve("server.properties")).doesNotExist();
  }

  static int port(EmbeddedCatalog catalog) {
    String url = catalog.location().jdbcUrl();
    return Integer.parseInt(url.replaceAll(".*127\\.0\\.0\\.1:(\\d+)/.*", "$1"));
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
