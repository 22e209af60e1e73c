package io.sluice.catalog.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.testing.TestCatalog;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CatalogKeyCheckTest {

  private final CatalogDatabase database = TestCatalog.newDatabase();

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void theFirstKeyIsRecordedAndOnlyItIsAcceptedAfterwards() {
    SecretCipher first = cipher(1);
    SecretCipher second = cipher(2);

    CatalogKeyCheck.verify(database.jdbi(), first);
    CatalogKeyCheck.verify(database.jdbi(), cipher(1)); // the same key, read again elsewhere

    assertThatThrownBy(() -> CatalogKeyCheck.verify(database.jdbi(), second))
        .isInstanceOf(CatalogKeyCheck.WrongCatalogKeyException.class)
        .hasMessageContaining("encrypted with the key whose id is " + first.keyId())
        .hasMessageContaining("not with this one (id " + second.keyId() + ")");
    List<String> recorded =
        database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select key_id from catalog_key_check")
                        .mapTo(String.class)
                        .list());
    assertThat(recorded).containsExactly(first.keyId());
  }

  @Test
  void aKeyIdNamesTheKeyWithoutShowingIt() {
    SecretCipher cipher = cipher(7);
    assertThat(cipher.keyId()).hasSize(16).matches("[0-9a-f]+").isEqualTo(cipher(7).keyId());
    assertThat(cipher.keyId()).isNotEqualTo(cipher(8).keyId()).doesNotContain("0707070707");
  }

  private static SecretCipher cipher(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return new SecretCipher(key);
  }
}
