package io.sluice.api.tls;

import io.sluice.api.PluginException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which TLS servers a connection believes, the same way for every connection type that speaks TLS
 * (smtp, ftp, http, and a plugin's own): the JVM's trusted authorities, the certificates of a PEM
 * file a connection names ({@code trustedCertificates}), or one certificate pinned by its SHA-256
 * fingerprint ({@link PinnedCertificate}, for a self-signed server). One place, so the settings
 * mean the same on every connection and their errors read the same.
 */
public final class ServerTrust {

  private ServerTrust() {}

  /** The SHA-256 fingerprint as {@code openssl x509 -noout -fingerprint -sha256} prints it. */
  public static String fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A fingerprint as a user wrote it ({@code AB:CD:..}, {@code abcd..}, {@code sha256=AB:..}) in
   * the form {@link #fingerprint} gives, or a refusal naming the setting.
   */
  public static String normaliseFingerprint(String setting, String fingerprint) {
    String hex = fingerprint.trim().replaceFirst("(?i)^sha256[:=]", "").replace(":", "");
    if (!hex.matches("(?i)[0-9a-f]{64}")) {
      throw new PluginException(
          setting + " is not a SHA-256 fingerprint (64 hex digits)",
          "copy it as openssl x509 -noout -fingerprint -sha256 prints it");
    }
    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
  }

  /** The JVM's trusted authorities (its cacerts, or what javax.net.ssl.trustStore names). */
  public static X509TrustManager jvmAuthorities() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      return x509(factory);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM has no trust store: " + e.getMessage(), e);
    }
  }

  /**
   * The certificates of a PEM file as trusted authorities (a server's own certificate or its CA's);
   * the host name is still checked against them by whoever uses the result.
   */
  public static X509TrustManager fromPem(Path pem) {
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
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return x509(factory);
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

  /** A TLS context trusting exactly what the manager trusts (no client certificate). */
  public static SSLContext context(TrustManager manager) {
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {manager}, null);
      return tls;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM offers no TLS: " + e.getMessage(), e);
    }
  }

  private static X509TrustManager x509(TrustManagerFactory factory) {
    for (TrustManager m : factory.getTrustManagers()) {
      if (m instanceof X509TrustManager x) {
        return x;
      }
    }
    throw new IllegalStateException("the JVM's trust manager factory gave no X.509 manager");
  }
}
