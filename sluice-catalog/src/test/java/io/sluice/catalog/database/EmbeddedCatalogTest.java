package io.sluice.catalog.database;

import static org.assertj.core.api.Assertions.assertThat;

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
}
