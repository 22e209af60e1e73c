package io.sluice.catalog.security;

import org.jdbi.v3.core.Jdbi;

/**
 * Makes sure every process opens the catalog with the one key its sensitive values are encrypted
 * with (migration V44). The first process records its key's id; any later one with another key is
 * refused before it can read or write a sensitive value. GCM would refuse the wrong key too, but
 * only when a value is read, long after a master started with it had encrypted new values under it.
 */
public final class CatalogKeyCheck {

  private static final String RECORD =
      "insert into catalog_key_check (key_id) values (:keyId) on conflict (singleton) do nothing";

  private static final String RECORDED = "select key_id from catalog_key_check";

  private CatalogKeyCheck() {}

  /**
   * Records this key's id if the catalog has none yet; throws if it recorded another key's.
   *
   * @throws WrongCatalogKeyException the catalog's values are encrypted with another key
   */
  public static void verify(Jdbi jdbi, SecretCipher cipher) {
    // Read first: every command opens the catalog, and only the very first one needs to write.
    String recorded =
        jdbi.withHandle(h -> h.createQuery(RECORDED).mapTo(String.class).findOne())
            .orElseGet(
                () ->
                    jdbi.inTransaction(
                        handle -> {
                          // Another process may record its key at the same moment: one wins.
                          handle.createUpdate(RECORD).bind("keyId", cipher.keyId()).execute();
                          return handle.createQuery(RECORDED).mapTo(String.class).one();
                        }));
    if (!recorded.equals(cipher.keyId())) {
      throw new WrongCatalogKeyException(recorded, cipher.keyId());
    }
  }

  /** The key at hand is not the catalog's. */
  public static final class WrongCatalogKeyException extends RuntimeException {
    private final String catalogKeyId;

    WrongCatalogKeyException(String catalogKeyId, String givenKeyId) {
      super(
          "this catalog's sensitive values are encrypted with the key whose id is "
              + catalogKeyId
              + ", not with this one (id "
              + givenKeyId
              + ")");
      this.catalogKeyId = catalogKeyId;
    }

    public String catalogKeyId() {
      return catalogKeyId;
    }
  }
}
