package io.sluice.cli.cert;

import io.sluice.protocol.tls.CertificateAuthority;
import io.sluice.protocol.tls.IssuedCertificate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sluice cert master}: a master's server certificate. */
@Command(
    name = "master",
    mixinStandardHelpOptions = true,
    description =
        "Issue a master certificate (master.crt, master.key) naming every host name and IP"
            + " workers use: each master host and the cluster's shared name.")
public final class MasterCertCommand implements Callable<Integer> {

  @Mixin CertOptions options;

  @Option(
      names = "--name",
      required = true,
      description = "A host name or IP address workers use to reach the master (repeatable).")
  List<String> names;

  @Option(names = "--out", description = "Base name of the files (default: master).")
  String out = "master";

  @Override
  public Integer call() {
    CertificateAuthority ca = options.loadCa();
    options.refuseExisting(out);
    IssuedCertificate issued =
        ca.issueServer(names, options.validity(CertificateAuthority.DEFAULT_LEAF_VALIDITY));
    issued.writePem(options.dir(), out);
    System.out.println("Issued master certificate for " + String.join(", ", names));
    System.out.println("  " + options.dir().resolve(out + ".crt") + " and " + out + ".key");
    System.out.println("  SHA-256 " + issued.fingerprint());
    System.out.println(
        "next: in master.yaml set tls: {certificate: "
            + out
            + ".crt, key: "
            + out
            + ".key, ca: ca.crt}, then run: sluice master --config master.yaml");
    System.out.println(
        "      workers must reach the master by one of these names, or TLS refuses it.");
    return 0;
  }
}
