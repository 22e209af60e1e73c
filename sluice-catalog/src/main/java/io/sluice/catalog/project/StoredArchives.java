package io.sluice.catalog.project;

import io.sluice.catalog.security.SecretCipher;
import io.sluice.engine.project.ParameterDefinition;
import io.sluice.engine.project.Project;
import java.util.Base64;
import java.util.stream.Stream;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * How archives are kept in {@code project_version}: as deployed, unless the project gives a
 * sensitive parameter a design default. The archive then holds that secret in clear, so it is
 * stored encrypted ({@code archive_encrypted}) like every other sensitive value.
 */
public final class StoredArchives {

  private StoredArchives() {}

  /** Whether {@code project}'s archive carries a sensitive value and must be encrypted. */
  static boolean needsEncryption(Project project) {
    return Stream.concat(
            project.parameters().stream(),
            project.packages().stream().flatMap(p -> p.parameters().stream()))
        .anyMatch(StoredArchives::hasSensitiveDefault);
  }

  private static boolean hasSensitiveDefault(ParameterDefinition p) {
    return p.sensitive() && p.defaultValue() != null;
  }

  // SecretCipher encrypts text; base64 carries the archive's bytes through it unchanged.
  static byte[] encrypt(SecretCipher cipher, byte[] archive) {
    return cipher.encrypt(Base64.getEncoder().encodeToString(archive));
  }

  /**
   * Reads the archive bytes of a row with {@code project_version}'s {@code archive} and {@code
   * archive_encrypted} columns, decrypting them when stored encrypted.
   */
  public static RowMapper<byte[]> mapper(SecretCipher cipher) {
    return (rs, ctx) -> read(cipher, rs.getBytes("archive"), rs.getBoolean("archive_encrypted"));
  }

  /** The archive bytes of a {@code project_version} row, whether stored encrypted or not. */
  private static byte[] read(SecretCipher cipher, byte[] stored, boolean encrypted) {
    return encrypted ? Base64.getDecoder().decode(cipher.decrypt(stored)) : stored;
  }
}
