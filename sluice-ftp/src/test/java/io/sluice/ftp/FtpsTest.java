package io.sluice.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.tls.ServerTrust;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.testing.RecordedEvents;
import io.sluice.engine.testing.TestRuns;
import io.sluice.ftp.testing.TestServers;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FTPS, explicit and implicit, against Apache FtpServer with a self-signed certificate made here by
 * the JDK's keytool: a pinned certificate is trusted, an unknown one refused with its fingerprint,
 * and files travel both ways over TLS.
 */
class FtpsTest {

  static final String STORE_PASSWORD = "keystore-pw";

  @TempDir static Path shared;
  static TestServers.Ftp explicit;
  static TestServers.Ftp implicit;
  static String fingerprint;

  @TempDir Path dir;

  @BeforeAll
  static void startServers() throws Exception {
    Path keystore = shared.resolve("server.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "ftp",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                STORE_PASSWORD,
                "-keypass",
                STORE_PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(output).isZero();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, STORE_PASSWORD.toCharArray());
    }
    fingerprint = ServerTrust.fingerprint((X509Certificate) store.getCertificate("ftp"));
    explicit =
        new TestServers.Ftp(
            TestServers.folder(shared, "explicit"), keystore, STORE_PASSWORD, false);
    implicit =
        new TestServers.Ftp(TestServers.folder(shared, "implicit"), keystore, STORE_PASSWORD, true);
  }

  @AfterAll
  static void stopServers() {
    explicit.close();
    implicit.close();
  }

  private RecordedEvents run(TestServers.Ftp server, String tls, String pkg) {
    return TestRuns.run(
        ProjectFiles.of(
            FtpTaskTest.project(
                "  - {name: Partner, type: ftp, host: 127.0.0.1, port: "
                    + server.port
                    + ", user: bob"
                    + tls
                    + ", expressions: {password: '@[$Project::FtpPassword]'}}\n",
                pkg)),
        dir.resolve("jars"),
        "main",
        new ParameterValues(Map.of("FtpPassword", TestServers.PASSWORD), Map.of()));
  }

  @Test
  void explicitAndImplicitFtpsTransferFilesToAPinnedServer() throws Exception {
    Path local = Files.createDirectories(dir.resolve("local"));
    Files.writeString(local.resolve("rates.csv"), "EUR,1.08\n");
    for (var server : new TestServers.Ftp[] {explicit, implicit}) {
      String mode = server == explicit ? "explicit" : "implicit";
      RecordedEvents events =
          run(
              server,
              ", encryption: " + mode + ", certificateFingerprint: '" + fingerprint + "'",
              "tasks:\n  - {name: Up, type: Ftp, connection: Partner, operation: send,"
                  + " remotePath: /, localPath: '"
                  + local.resolve("rates.csv")
                  + "'}\n  - {name: Down, type: Ftp, connection: Partner, operation: receive,"
                  + " remotePath: /rates.csv, localPath: '"
                  + Files.createDirectories(dir.resolve("back-" + mode))
                  + "', after: [Up]}\n");

      assertThat(events.result.succeeded()).as(mode + events.all()).isTrue();
      assertThat(server.root.resolve("rates.csv")).hasContent("EUR,1.08");
      assertThat(dir.resolve("back-" + mode + "/rates.csv")).hasContent("EUR,1.08");
      assertThat(events.messages(MessageType.INFORMATION))
          .anySatisfy(m -> assertThat(m).startsWith("sent 1 file to / on the FTPS server"));
    }
  }

  @Test
  void aCertificateNoAuthoritySignedIsRefusedShowingItsFingerprint() {
    RecordedEvents events =
        run(
            explicit,
            ", encryption: explicit",
            "tasks:\n  - {name: Drop, type: Ftp, connection: Partner, operation: deleteRemote,"
                + " remotePath: /x.csv}\n");

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.messages(MessageType.ERROR))
        .singleElement()
        .asString()
        .startsWith(
            "deleteRemote failed (connection 'Partner'): the certificate of the FTPS server"
                + " 127.0.0.1:"
                + explicit.port
                + " is not trusted (SHA-256 "
                + fingerprint
                + "; no trusted authority signed it)")
        .contains("hint: check that fingerprint with the server's administrator")
        .contains("certificateFingerprint: '" + fingerprint + "'");

    RecordedEvents wrongPin =
        run(
            explicit,
            ", encryption: explicit, certificateFingerprint: '" + "ab".repeat(32) + "'",
            "tasks:\n  - {name: Drop, type: Ftp, connection: Partner, operation: deleteRemote,"
                + " remotePath: /x.csv}\n");
    assertThat(wrongPin.messages(MessageType.ERROR))
        .singleElement()
        .asString()
        .contains("the connection pins AB:AB:AB:")
        .contains("SHA-256 " + fingerprint);

    RecordedEvents notAFingerprint =
        run(
            explicit,
            ", encryption: explicit, certificateFingerprint: 'AB:CD'",
            "tasks:\n  - {name: Drop, type: Ftp, connection: Partner, operation: deleteRemote,"
                + " remotePath: /x.csv}\n");
    assertThat(notAFingerprint.messages(MessageType.ERROR))
        .singleElement()
        .asString()
        .contains("certificateFingerprint is not a SHA-256 fingerprint (64 hex digits)");
  }
}
