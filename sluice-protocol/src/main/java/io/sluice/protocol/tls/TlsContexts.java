package io.sluice.protocol.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Key and trust stores from PEM files, for both ends of the mutual-TLS channel: a master presents
 * its server certificate and trusts the cluster CA for client certificates; a worker presents its
 * client certificate and trusts the CA (or a pinned master certificate) for the server.
 */
public final class TlsContexts {

  private static final char[] NO_PASSWORD = new char[0];

  private TlsContexts() {}

  /** A key store holding one key entry: the private key and its certificate chain. */
  public static KeyStore keyStore(Path certificateChainPem, Path privateKeyPem) {
    List<X509Certificate> chain = Pem.readCertificates(certificateChainPem);
    PrivateKey key = Pem.readPrivateKey(privateKeyPem);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("sluice", key, NO_PASSWORD, chain.toArray(X509Certificate[]::new));
      return store;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new TlsSetupException(
          "the key in "
              + privateKeyPem
              + " does not belong to the certificate in "
              + certificateChainPem
              + " ("
              + e.getMessage()
              + ")",
          "use the .crt and .key that sluice cert wrote together");
    }
  }

  /** A trust store holding every certificate of a PEM file (the cluster CA, or a pinned cert). */
  public static KeyStore trustStore(Path trustedPem) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int i = 0;
      for (X509Certificate certificate : Pem.readCertificates(trustedPem)) {
        store.setCertificateEntry("trusted-" + i++, certificate);
      }
      return store;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An SSLContext presenting {@code keyStore} (may be null) and trusting {@code trustStore}. */
  public static SSLContext sslContext(KeyStore keyStore, KeyStore trustStore) {
    try {
      KeyManagerFactory keys = null;
      if (keyStore != null) {
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, NO_PASSWORD);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trustStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
