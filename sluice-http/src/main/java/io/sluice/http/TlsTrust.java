package io.sluice.http;

import io.sluice.api.PluginException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which HTTPS servers an http connection believes: the JVM's trusted authorities (the default),
 * only those of a PEM file ({@code trustedCertificates}; the host name is still checked against the
 * certificate), or exactly one certificate pinned by its SHA-256 fingerprint ({@code
 * certificateFingerprint}, a self-signed server's: the fingerprint is the whole check, so the name
 * in the certificate does not matter). A pinned check that refuses keeps the server's fingerprint,
 * so the failure can show it.
 */
final class TlsTrust {

  private final SSLContext context;
  private final Pinned pinned;
  final String words;

  private TlsTrust(SSLContext context, Pinned pinned, String words) {
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
      Pinned pinned = new Pinned(normalise(fingerprint));
      return new TlsTrust(context(pinned), pinned, "the pinned certificate");
    }
    if (trustedCertificates != null) {
      return new TlsTrust(
          context(fromPem(Path.of(trustedCertificates))),
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
    return pinned == null ? null : pinned.refused;
  }

  /** Upper-case hex pairs with colons, as {@code openssl x509 -fingerprint -sha256} prints. */
  static String normalise(String fingerprint) {
    String hex = fingerprint.trim().replaceFirst("(?i)^sha256[:=]", "").replace(":", "");
    if (!hex.matches("(?i)[0-9a-f]{64}")) {
      throw new PluginException(
          "certificateFingerprint is not a SHA-256 fingerprint (64 hex digits)",
          "copy it as openssl x509 -noout -fingerprint -sha256 prints it");
    }
    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
  }

  static String fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SSLContext context(TrustManager manager) {
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {manager}, null);
      return tls;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM offers no TLS: " + e.getMessage(), e);
    }
  }

  /** The trust manager of the certificates in a PEM file. */
  private static TrustManager fromPem(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new PluginException(
            "trustedCertificates " + pem + " holds no certificate",
            "give a PEM file with the server's certificate or its CA's");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : certificates) {
        store.setCertificateEntry("trusted-" + i++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      return tmf.getTrustManagers()[0];
    } catch (IOException e) {
      throw new PluginException(
          "cannot read trustedCertificates " + pem + ": " + e,
          "give the path of a PEM file readable where the package runs");
    } catch (GeneralSecurityException e) {
      throw new PluginException(
          "trustedCertificates " + pem + " is not a PEM file of certificates: " + e.getMessage(),
          "give a PEM file (-----BEGIN CERTIFICATE-----)");
    }
  }

  /**
   * Trusts one certificate by fingerprint. An {@link X509ExtendedTrustManager}, so the JDK adds no
   * host name check of its own: the pin is the check.
   */
  private static final class Pinned extends X509ExtendedTrustManager {
    private final String fingerprint;
    private volatile String refused;

    Pinned(String fingerprint) {
      this.fingerprint = fingerprint;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
      String presented = fingerprint(chain[0]);
      if (!presented.toUpperCase(Locale.ROOT).equals(fingerprint)) {
        refused = presented;
        throw new CertificateException(
            "the server's certificate (SHA-256 " + presented + ") is not the pinned one");
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("a client certificate is not expected here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("a client certificate is not expected here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("a client certificate is not expected here");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
