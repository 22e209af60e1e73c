package io.sluice.catalog.security;

/** A stored sensitive value could not be decrypted: wrong key or damaged ciphertext. */
public final class SecretDecryptionException extends RuntimeException {
  public SecretDecryptionException(String message) {
    super(message);
  }
}
