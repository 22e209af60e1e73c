package io.sluice.cli.cert;

import io.sluice.cli.common.UsageException;
import io.sluice.protocol.tls.CertificateAuthority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where the CA and the certificates live, and how long new certificates are valid. */
public final class CertOptions {

  @Option(
      names = "--dir",
      description = "Folder of ca.crt/ca.key and of the files written (default ~/.sluice/certs).")
  Path dir;

  @Option(names = "--days", description = "Validity of the new certificate in days.")
  Integer days;

  Path dir() {
    return dir != null ? dir : Path.of(System.getProperty("user.home"), ".sluice", "certs");
  }

  Duration validity(Duration dflt) {
    if (days == null) {
      return dflt;
    }
    if (days < 1) {
      throw new UsageException("--days must be 1 or more", "e.g. --days 825");
    }
    return Duration.ofDays(days);
  }

  CertificateAuthority loadCa() {
    if (!Files.exists(dir().resolve("ca.crt")) || !Files.exists(dir().resolve("ca.key"))) {
      throw new UsageException(
          "there is no cluster CA in " + dir() + " (ca.crt and ca.key)",
          "create one first: sluice cert ca --dir " + dir());
    }
    return CertificateAuthority.load(dir());
  }

  /** Refuses to overwrite: an existing key may be in use, and losing it locks a node out. */
  void refuseExisting(String base) {
    for (String ext : new String[] {".crt", ".key"}) {
      if (Files.exists(dir().resolve(base + ext))) {
        throw new UsageException(
            dir().resolve(base + ext) + " exists already",
            "move it away first, or use another name or --dir");
      }
    }
  }
}
