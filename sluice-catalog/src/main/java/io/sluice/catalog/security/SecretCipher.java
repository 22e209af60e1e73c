package io.sluice.catalog.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts sensitive catalog values with AES-256-GCM under the catalog key.
 *
 * <p>Layout of a ciphertext: one format byte (1), a 12-byte random nonce, then the GCM output
 * (ciphertext and 16-byte tag). GCM authenticates, so a value encrypted under another key, or
 * altered in the table, fails to decrypt instead of yielding garbage.
 */
public final class SecretCipher {

  private static final byte FORMAT = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final String keyId;
  private final SecureRandom random = new SecureRandom();

  public SecretCipher(byte[] key256) {
    if (key256.length != 32) {
      throw new IllegalArgumentException(
          "the catalog key must be 32 bytes (AES-256), found " + key256.length);
    }
    this.key = new SecretKeySpec(key256.clone(), "AES");
    this.keyId = keyId(key256);
  }

  /**
   * Names the key without revealing it: 16 hex digits of a SHA-256 of the key (domain-separated),
   * so two processes can tell whether they hold the same key (see {@link CatalogKeyCheck}).
   */
  public String keyId() {
    return keyId;
  }

  private static String keyId(byte[] key256) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update("sluice catalog key id\0".getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(sha256.digest(key256), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  public byte[] encrypt(String plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
          .put(FORMAT)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
    }
  }

  public String decrypt(byte[] ciphertext) {
    if (ciphertext.length < 1 + NONCE_BYTES || ciphertext[0] != FORMAT) {
      throw new SecretDecryptionException("not a Sluice ciphertext (unknown format)");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 1, NONCE_BYTES));
      byte[] clear =
          cipher.doFinal(ciphertext, 1 + NONCE_BYTES, ciphertext.length - 1 - NONCE_BYTES);
      return new String(clear, StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new SecretDecryptionException(
          "a sensitive value cannot be decrypted with this catalog key: the key differs from the"
              + " one it was stored with (restore the original key file or SLUICE_CATALOG_KEY)");
    } catch (GeneralSecurityException e) {
      throw new SecretDecryptionException("cannot decrypt a sensitive value: " + e.getMessage());
    }
  }
}
