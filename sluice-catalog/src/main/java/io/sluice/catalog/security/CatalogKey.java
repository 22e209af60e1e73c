package io.sluice.catalog.security;

import io.sluice.catalog.database.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The catalog key: 32 random bytes kept outside the database, base64 in a file (mode 600) or in the
 * environment variable {@value #ENVIRONMENT_VARIABLE}. Losing it makes every sensitive value
 * unreadable, so a newly generated key is announced with a note to back it up.
 */
public final class CatalogKey {

  public static final String ENVIRONMENT_VARIABLE = "SLUICE_CATALOG_KEY";

  private CatalogKey() {}

  /** The outcome of {@link #loadOrCreate}: the cipher, and whether the key file was just made. */
  public record Loaded(SecretCipher cipher, Path file, boolean created) {}

  /** Uses {@value #ENVIRONMENT_VARIABLE} when set, else the key file, generating it if missing. */
  public static Loaded loadOrCreate(Path keyFile) {
    String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return new Loaded(
          new SecretCipher(decode(fromEnvironment, ENVIRONMENT_VARIABLE)), null, false);
    }
    boolean created = false;
    if (!Files.exists(keyFile)) {
      created = create(keyFile);
    }
    return new Loaded(load(keyFile), keyFile, created);
  }

  /** Reads an existing key file; refuses to invent a key where the user named one. */
  public static SecretCipher load(Path keyFile) {
    try {
      String text = Files.readString(keyFile, StandardCharsets.US_ASCII).trim();
      return new SecretCipher(decode(text, keyFile.toString()));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException(
          "catalog key file " + keyFile + " does not exist; restore it from your backup", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the catalog key " + keyFile, e);
    }
  }

  /**
   * Writes a new random key; false if another process created the file first. The key is written to
   * a temporary file created mode 600, then linked to its name: no moment exists in which another
   * user could open it, nor one in which another sluice process could read half a key.
   */
  private static boolean create(Path keyFile) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path folder = keyFile.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(folder);
      tmp = Files.createTempFile(folder, ".catalog-key", ".tmp", OwnerOnlyFiles.fileAttributes());
      Files.writeString(
          tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
      // link() fails if the name exists, atomically, where a move would replace it.
      Files.createLink(keyFile, tmp);
      return true;
    } catch (FileAlreadyExistsException raced) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the catalog key " + keyFile, e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  private static void deleteQuietly(Path tmp) {
    if (tmp != null) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // A stray temporary file is mode 600, as the key itself.
      }
    }
  }

  private static byte[] decode(String base64, String source) {
    try {
      return Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the catalog key in " + source + " is not base64 (expected 32 random bytes, base64)", e);
    }
  }
}
