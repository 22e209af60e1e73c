package io.sluice.master.http;

import io.javalin.http.Context;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** The client certificate TLS verified for this request (leaf), if the client sent one. */
public final class ClientCertificates {

  private static final String ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

  private ClientCertificates() {}

  public static Optional<X509Certificate> of(Context ctx) {
    Object chain = ctx.req().getAttribute(ATTRIBUTE);
    if (chain instanceof X509Certificate[] certificates && certificates.length > 0) {
      return Optional.of(certificates[0]);
    }
    return Optional.empty();
  }
}
