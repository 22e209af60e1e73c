package io.sluice.master.management;

import io.javalin.http.Context;
import io.sluice.master.http.ApiException;
import io.sluice.master.http.ClientCertificates;
import io.sluice.protocol.tls.CertificateAuthority;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Who calls the management API: an administrator's client certificate (issued by {@code sluice cert
 * admin}; its common name is the caller) or an API token ({@code Authorization: Bearer}). 401
 * without credentials or with a wrong token; 403 for a worker's certificate. What the caller may do
 * is its {@link Role}.
 */
public final class ManagementAuth {

  private final ApiTokens tokens;

  public ManagementAuth(ApiTokens tokens) {
    this.tokens = tokens;
  }

  /** Who calls: {@code CN} or {@code token:NAME} (as recorded in operations), and the role. */
  public Caller authenticate(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization != null) {
      if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw ApiException.unauthorized(
            "the Authorization header is not a bearer token",
            "send Authorization: Bearer <token from sluice tokens create NAME>");
      }
      return tokens
          .authenticate(authorization.substring(7).trim())
          .map(token -> new Caller("token:" + token.name(), token.role()))
          .orElseThrow(
              () ->
                  ApiException.unauthorized(
                      "the API token is not valid (unknown or revoked)",
                      "create one with: sluice tokens create NAME"));
    }
    Optional<X509Certificate> certificate = ClientCertificates.of(ctx);
    if (certificate.isEmpty()) {
      throw ApiException.unauthorized(
          "the management API needs credentials",
          "send Authorization: Bearer <token> (sluice tokens create NAME) or use an"
              + " administrator certificate (sluice cert admin NAME)");
    }
    if (!CertificateAuthority.isAdministrator(certificate.get())) {
      throw ApiException.forbidden(
          "certificate '"
              + CertificateAuthority.commonName(certificate.get())
              + "' is not an administrator's (a worker's certificate cannot manage the cluster)",
          "use an administrator certificate (sluice cert admin NAME) or an API token");
    }
    return new Caller(CertificateAuthority.commonName(certificate.get()), Role.ADMIN);
  }
}
