package io.sluice.cli.remote;

import io.sluice.protocol.tls.CertificateAuthority;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A test cluster's certificates in one folder, and the options that make a CLI command talk to its
 * master as the administrator alice.
 */
public final class TestCertificates {

  private TestCertificates() {}

  /**
   * Writes {@code ca.crt}/{@code ca.key}, a server certificate {@code master.crt}/{@code
   * master.key} for {@code masterHosts}, and the administrator alice's {@code alice.crt}/{@code
   * alice.key} to {@code dir}.
   *
   * @return the CA, to issue more (a worker's certificate)
   */
  public static CertificateAuthority write(Path dir, String... masterHosts) {
    CertificateAuthority ca = CertificateAuthority.create("Test cluster CA", Duration.ofDays(30));
    ca.writePem(dir);
    ca.issueServer(List.of(masterHosts), Duration.ofDays(1)).writePem(dir, "master");
    ca.issueAdministrator("alice", Duration.ofDays(1)).writePem(dir, "alice");
    return ca;
  }

  /**
   * {@code command} followed by {@code --master}, {@code --ca}, {@code --cert} and {@code --key}
   * for alice (certificates as {@link #write} leaves them in {@code dir}).
   */
  public static String[] asAlice(Path dir, int managementPort, String... command) {
    String[] options = {
      "--master",
      "https://localhost:" + managementPort,
      "--ca",
      dir.resolve("ca.crt").toString(),
      "--cert",
      dir.resolve("alice.crt").toString(),
      "--key",
      dir.resolve("alice.key").toString()
    };
    return Stream.concat(Stream.of(command), Stream.of(options)).toArray(String[]::new);
  }
}
