package io.sluice.catalog.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogKeyTest {

  @TempDir Path folder;

  @Test
  void aNewKeyIsThirtyTwoRandomBytesOnlyItsOwnerCanReadAndNoTemporaryFileStays() throws Exception {
    Path keyFile = folder.resolve("keys").resolve("catalog.key");

    CatalogKey.Loaded loaded = CatalogKey.loadOrCreate(keyFile);

    assertThat(loaded.created()).isTrue();
    assertThat(Base64.getDecoder().decode(Files.readString(keyFile).trim())).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    try (Stream<Path> files = Files.list(keyFile.getParent())) {
      assertThat(files).containsExactly(keyFile);
    }
  }

  @Test
  void anExistingKeyIsUsedAndNeverReplaced() throws Exception {
    Path keyFile = folder.resolve("catalog.key");
    CatalogKey.loadOrCreate(keyFile);
    String first = Files.readString(keyFile);

    CatalogKey.Loaded again = CatalogKey.loadOrCreate(keyFile);

    assertThat(again.created()).isFalse();
    assertThat(Files.readString(keyFile)).isEqualTo(first);
  }
}
