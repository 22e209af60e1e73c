package io.sluice.protocol.tls;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A certificate with its private key and the chain up to the cluster CA. */
public record IssuedCertificate(
    X509Certificate certificate, PrivateKey key, List<X509Certificate> chain) {

  public String fingerprint() {
    return Fingerprints.sha256(certificate);
  }

  /** Writes {@code <base>.crt} (the chain, leaf first) and {@code <base>.key} (mode 600). */
  public void writePem(Path folder, String base) {
    Pem.write(folder.resolve(base + ".crt"), Pem.certificates(chain), false);
    Pem.write(folder.resolve(base + ".key"), Pem.privateKey(key), true);
  }
}
