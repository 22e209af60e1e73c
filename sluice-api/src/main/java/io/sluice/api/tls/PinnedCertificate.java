package io.sluice.api.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts one server certificate, named by its SHA-256 fingerprint: a self-signed server's. The pin
 * is the whole check, so the name in the certificate does not matter; an {@link
 * X509ExtendedTrustManager}, so the JDK adds no host name check of its own. A refusal keeps the
 * presented fingerprint ({@link #refused()}), so the connection's error can show the user what to
 * check and pin.
 */
public final class PinnedCertificate extends X509ExtendedTrustManager {

  private final String fingerprint;
  private volatile String refused;

  /**
   * @param setting the setting's name for errors, e.g. {@code certificateFingerprint}
   * @param fingerprint as the user wrote it; see {@link ServerTrust#normaliseFingerprint}
   */
  public PinnedCertificate(String setting, String fingerprint) {
    this.fingerprint = ServerTrust.normaliseFingerprint(setting, fingerprint);
  }

  /** The pinned fingerprint, normalised. */
  public String fingerprint() {
    return fingerprint;
  }

  /** The fingerprint of the certificate a server presented and this pin refused, or null. */
  public String refused() {
    return refused;
  }

  private void check(X509Certificate[] chain) throws CertificateException {
    String presented = ServerTrust.fingerprint(chain[0]);
    if (!presented.equals(fingerprint)) {
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
