package io.sluice.mail;

import io.sluice.protocol.tls.CertificateAuthority;
import io.sluice.protocol.tls.IssuedCertificate;
import io.sluice.protocol.tls.Pem;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A test SMTP server's TLS identity for {@code localhost}, issued by a CA of its own with the
 * helpers Sluice's master/worker TLS uses: the server's key store and the CA's PEM file, which an
 * smtp connection trusts through {@code trustedCertificates}.
 */
record TestServerCertificate(Path keyStore, Path caPem, KeyStore store) {

  static final String PASSWORD = "changeit";

  static TestServerCertificate issue(Path folder) throws Exception {
    CertificateAuthority ca = CertificateAuthority.create("Mail test CA", Duration.ofDays(1));
    IssuedCertificate cert = ca.issueServer(List.of("localhost", "127.0.0.1"), Duration.ofDays(1));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "server", cert.key(), PASSWORD.toCharArray(), cert.chain().toArray(Certificate[]::new));
    Path keyStore = folder.resolve("server.p12");
    try (OutputStream out = Files.newOutputStream(keyStore)) {
      store.store(out, PASSWORD.toCharArray());
    }
    Path caPem = folder.resolve("ca.pem");
    Pem.write(caPem, Pem.certificates(List.of(ca.certificate())), false);
    return new TestServerCertificate(keyStore, caPem, store);
  }

  /** A server-side TLS context presenting the certificate. */
  SSLContext serverContext() throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, PASSWORD.toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    return tls;
  }
}
