package io.sluice.catalog.execution;

import io.sluice.catalog.security.SecretCipher;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An execution's value as its tables keep it: in clear in {@code value}, or encrypted in {@code
 * value_secret} when sensitive. DECRYPTED here: only for what runs the execution.
 */
final class SealedValues {

  private SealedValues() {}

  /** The value of the current row, decrypted when it was stored sealed. */
  static String read(SecretCipher cipher, ResultSet rs) throws SQLException {
    byte[] secret = rs.getBytes("value_secret");
    return secret == null ? rs.getString("value") : cipher.decrypt(secret);
  }
}
