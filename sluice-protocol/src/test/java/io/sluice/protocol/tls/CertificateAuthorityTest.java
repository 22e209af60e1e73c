package io.sluice.protocol.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates made by the cluster CA, written as PEM and used for real mutual-TLS handshakes. */
class CertificateAuthorityTest {

  @TempDir Path dir;

  @Test
  void pemFilesRoundTripAndFingerprintsMatchOpensslFormat() {
    CertificateAuthority ca = CertificateAuthority.create("Test CA", Duration.ofDays(30));
    ca.writePem(dir);
    IssuedCertificate worker = ca.issueClient("worker-1", Duration.ofDays(10));
    worker.writePem(dir, "worker-1");

    CertificateAuthority loaded = CertificateAuthority.load(dir);
    assertThat(loaded.certificate()).isEqualTo(ca.certificate());
    List<X509Certificate> chain = Pem.readCertificates(dir.resolve("worker-1.crt"));
    assertThat(chain).hasSize(2);
    assertThat(Fingerprints.sha256(chain.get(0)))
        .isEqualTo(worker.fingerprint())
        .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
  }

  @Test
  void mutualTlsWorksWithinTheClusterAndRefusesAForeignClient() throws Exception {
    CertificateAuthority ca = CertificateAuthority.create("Cluster", Duration.ofDays(30));
    ca.writePem(dir);
    ca.issueServer(List.of("localhost", "127.0.0.1"), Duration.ofDays(10)).writePem(dir, "master");
    ca.issueClient("worker-1", Duration.ofDays(10)).writePem(dir, "worker-1");
    Path foreign = Files.createDirectories(dir.resolve("foreign"));
    CertificateAuthority other = CertificateAuthority.create("Other", Duration.ofDays(30));
    other.issueClient("intruder", Duration.ofDays(10)).writePem(foreign, "intruder");

    SSLContext server =
        TlsContexts.sslContext(
            TlsContexts.keyStore(dir.resolve("master.crt"), dir.resolve("master.key")),
            TlsContexts.trustStore(dir.resolve("ca.crt")));
    SSLContext worker =
        TlsContexts.sslContext(
            TlsContexts.keyStore(dir.resolve("worker-1.crt"), dir.resolve("worker-1.key")),
            TlsContexts.trustStore(dir.resolve("ca.crt")));
    SSLContext intruder =
        TlsContexts.sslContext(
            TlsContexts.keyStore(foreign.resolve("intruder.crt"), foreign.resolve("intruder.key")),
            TlsContexts.trustStore(dir.resolve("ca.crt")));

    assertThat(handshake(server, worker)).isEqualTo("CN=worker-1,O=Sluice");
    assertThatThrownBy(() -> handshake(server, intruder)).isInstanceOf(Exception.class);
  }

  @Test
  void aMissingFileOrAWrongKeyIsExplained() throws Exception {
    CertificateAuthority ca = CertificateAuthority.create("Cluster", Duration.ofDays(30));
    ca.issueClient("a", Duration.ofDays(1)).writePem(dir, "a");
    ca.issueClient("b", Duration.ofDays(1)).writePem(dir, "b");

    assertThatThrownBy(() -> Pem.readCertificates(dir.resolve("missing.crt")))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageContaining("does not exist");
    Files.writeString(dir.resolve("garbage.crt"), "hello");
    assertThatThrownBy(() -> Pem.readCertificates(dir.resolve("garbage.crt")))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageContaining("no certificate");
    assertThatThrownBy(() -> Pem.readPrivateKey(dir.resolve("a.crt")))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageContaining("no unencrypted private key");
  }

  /** One handshake over loopback; returns the client's subject as the server saw it. */
  private static String handshake(SSLContext serverContext, SSLContext clientContext)
      throws Exception {
    try (SSLServerSocket listener =
        (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0)) {
      listener.setNeedClientAuth(true);
      CompletableFuture<String> accepted =
          CompletableFuture.supplyAsync(
              () -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                  s.startHandshake();
                  String subject =
                      ((X509Certificate) s.getSession().getPeerCertificates()[0])
                          .getSubjectX500Principal()
                          .getName();
                  try (OutputStream out = s.getOutputStream()) {
                    out.write(1);
                  }
                  return subject;
                } catch (Exception e) {
                  throw new RuntimeException(e);
                }
              });
      try (SSLSocket client =
          (SSLSocket)
              clientContext.getSocketFactory().createSocket("localhost", listener.getLocalPort())) {
        javax.net.ssl.SSLParameters params = client.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        client.setSSLParameters(params);
        client.startHandshake();
        try (InputStream in = client.getInputStream()) {
          if (in.read() != 1) {
            throw new SSLHandshakeException("server closed the connection");
          }
        }
      }
      return accepted.get(10, TimeUnit.SECONDS);
    }
  }
}
