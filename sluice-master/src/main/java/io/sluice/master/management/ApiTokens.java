package io.sluice.master.management;

import io.sluice.catalog.CatalogException;
import io.sluice.engine.project.InvisibleCharacters;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * API tokens for the management API ({@code Authorization: Bearer ...}). The catalog keeps only
 * each token's SHA-256: a stolen catalog backup does not give access, and a token is shown once.
 * Tokens are 256 random bits, so a plain hash (no salt, no slow KDF) is enough.
 */
public final class ApiTokens {

  private static final String PREFIX = "sluice_";
  private static final SecureRandom random = new SecureRandom();

  private final Jdbi jdbi;

  public ApiTokens(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A token as listed: never the token itself. */
  public record TokenInfo(
      String name, Role role, Instant createdTime, String createdBy, Instant lastUsedTime) {}

  /** A valid token presented by a caller. */
  public record Token(String name, Role role) {}

  /** Creates an administrator token; see {@link #create(String, String, Role)}. */
  public String create(String name, String createdBy) {
    return create(name, createdBy, Role.ADMIN);
  }

  /** Creates a token named {@code name}; returns the token, which is not stored anywhere. */
  public String create(String name, String createdBy, Role role) {
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw CatalogException.invalid(
          "token name '" + InvisibleCharacters.visible(name) + "' is not valid",
          "use 1-64 letters, digits, '.', '_' or '-', e.g. ci-pipeline");
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    int inserted =
        jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        """
                        insert into api_token (token_name, token_sha256, created_by, role)
                        values (:name, :hash, :createdBy, :role)
                        on conflict (token_name) do nothing
                        """)
                    .bind("name", name)
                    .bind("role", role.code())
                    .bind("hash", sha256(token))
                    .bind("createdBy", createdBy)
                    .execute());
    if (inserted == 0) {
      throw CatalogException.conflict(
          "a token named '" + name + "' exists already",
          "choose another name, or revoke it first: sluice tokens revoke " + name);
    }
    return token;
  }

  public List<TokenInfo> list() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    """
                    select token_name, role, created_time, created_by, last_used_time
                    from api_token order by token_name
                    """)
                .map(
                    (rs, ctx) ->
                        new TokenInfo(
                            rs.getString("token_name"),
                            Role.ofCode(rs.getString("role")),
                            rs.getTimestamp("created_time").toInstant(),
                            rs.getString("created_by"),
                            rs.getTimestamp("last_used_time") == null
                                ? null
                                : rs.getTimestamp("last_used_time").toInstant()))
                .list());
  }

  public void revoke(String name) {
    int deleted =
        jdbi.withHandle(
            handle ->
                handle
                    .createUpdate("delete from api_token where token_name = :name")
                    .bind("name", name)
                    .execute());
    if (deleted == 0) {
      throw CatalogException.notFound(
          "there is no token named '" + name + "'", "list them: sluice tokens list");
    }
  }

  /** The token's name and role, if it is a valid one; records when it was last used. */
  public Optional<Token> authenticate(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
      return Optional.empty();
    }
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    """
                    update api_token set last_used_time = now()
                    where token_sha256 = :hash
                    returning token_name, role
                    """)
                .bind("hash", sha256(token))
                .map(
                    (rs, ctx) ->
                        new Token(rs.getString("token_name"), Role.ofCode(rs.getString("role"))))
                .findOne());
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
