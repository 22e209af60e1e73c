package io.sluice.http;

import io.sluice.api.PluginException;
import io.sluice.api.tls.PinnedCertificate;
import io.sluice.api.tls.ServerTrust;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/**
 * Which HTTPS servers an http connection believes: the JVM's trusted authorities (the default),
 * only those of a PEM file ({@code trustedCertificates}; the host name is still checked against the
 * certificate), or exactly one certificate pinned by its SHA-256 fingerprint ({@code
 * certificateFingerprint}). The checks themselves are the SDK's {@link ServerTrust}, shared with
 * the smtp and ftp connections.
 */
final class TlsTrust {

  private final SSLContext context;
  private final PinnedCertificate pinned;
  final String words;

  private TlsTrust(SSLContext context, PinnedCertificate pinned, String words) {
    this.context = context;
    this.pinned = pinned;
    this.words = words;
  }

  static TlsTrust of(String trustedCertificates, String fingerprint) {
    if (trustedCertificates != null && fingerprint != null) {
      throw new PluginException(
          "both trustedCertificates and certificateFingerprint are given",
          "trust the server's CA with trustedCertificates, or pin its certificate; not both");
    }
    if (fingerprint != null) {
      PinnedCertificate pinned = new PinnedCertificate("certificateFingerprint", fingerprint);
      return new TlsTrust(ServerTrust.context(pinned), pinned, "the pinned certificate");
    }
    if (trustedCertificates != null) {
      return new TlsTrust(
          ServerTrust.context(ServerTrust.fromPem(Path.of(trustedCertificates))),
          null,
          "the certificates of " + trustedCertificates);
    }
    return new TlsTrust(null, null, "the JVM's trusted authorities");
  }

  /** The TLS context to use, or null for the JVM's default. */
  SSLContext context() {
    return context;
  }

  /** The fingerprint of a certificate the pin refused, or null. */
  String refusedFingerprint() {
    return pinned == null ? null : pinned.refused();
  }
}
