package io.sluice.ftp;

import io.sluice.api.PluginException;
import io.sluice.api.tls.ServerTrust;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * Whether an FTPS server's certificate is trusted, before the password is sent over the connection:
 * a certificate the JVM's trusted authorities sign (and whose name the client checks against the
 * host, see {@link FtpFiles}), or the one the connection pins by its SHA-256 fingerprint (a
 * self-signed server's). A refusal keeps the fingerprint so the message can show it. Unlike the
 * http connection's pin, a pinned FTPS certificate is checked before the authorities and the host
 * name check is turned off ({@link FtpFiles}); the fingerprints are the SDK's {@link ServerTrust}.
 */
final class CertificateCheck implements X509TrustManager {

  private final String pinned;
  private final X509TrustManager authorities;
  private volatile String rejected;
  private volatile String why;

  CertificateCheck(String fingerprint) {
    this.pinned =
        fingerprint == null || fingerprint.isBlank()
            ? null
            : ServerTrust.normaliseFingerprint("certificateFingerprint", fingerprint);
    this.authorities = ServerTrust.jvmAuthorities();
  }

  boolean isPinned() {
    return pinned != null;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    String fingerprint = ServerTrust.fingerprint(chain[0]);
    if (pinned != null) {
      if (pinned.equals(fingerprint)) {
        return;
      }
      reject(fingerprint, "the connection pins " + pinned);
    }
    try {
      authorities.checkServerTrusted(chain, authType);
    } catch (CertificateException e) {
      reject(fingerprint, "no trusted authority signed it");
    }
  }

  private void reject(String fingerprint, String reason) throws CertificateException {
    rejected = fingerprint;
    why = reason;
    throw new CertificateException("the server's certificate is not trusted: " + reason);
  }

  /** Throws the refusal, with the fingerprint to pin, when this check refused the server. */
  void throwIfRejected(String server) {
    String fingerprint = rejected;
    if (fingerprint == null) {
      return;
    }
    throw new PluginException(
        "the certificate of the "
            + server
            + " is not trusted (SHA-256 "
            + fingerprint
            + "; "
            + why
            + ")",
        "check that fingerprint with the server's administrator (openssl x509 -noout -fingerprint"
            + " -sha256 -in the server's certificate), then pin it on the connection:"
            + " certificateFingerprint: '"
            + fingerprint
            + "', or have the server use a certificate of a trusted authority");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("a client certificate is not expected here");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return authorities.getAcceptedIssuers();
  }
}
