package io.sluice.catalog;

import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.security.SecretCipher;

/**
 * What every catalog operation needs: the database, the cipher for sensitive values, and who is
 * calling (recorded as the caller of operations, like SSIS's caller_name).
 */
public record CatalogContext(CatalogDatabase database, SecretCipher cipher, String caller) {}
