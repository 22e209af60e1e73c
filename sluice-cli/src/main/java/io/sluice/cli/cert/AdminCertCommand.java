package io.sluice.cli.cert;

import io.sluice.protocol.tls.CertificateAuthority;
import io.sluice.protocol.tls.IssuedCertificate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sluice cert admin NAME}: an administrator's client certificate. */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = "Issue an administrator certificate (NAME.crt, NAME.key) for the management API.")
public final class AdminCertCommand implements Callable<Integer> {

  @Mixin CertOptions options;

  @Parameters(index = "0", paramLabel = "NAME", description = "Who holds it, e.g. alice.")
  String name;

  @Override
  public Integer call() {
    CertificateAuthority ca = options.loadCa();
    options.refuseExisting(name);
    IssuedCertificate issued =
        ca.issueAdministrator(name, options.validity(CertificateAuthority.DEFAULT_LEAF_VALIDITY));
    issued.writePem(options.dir(), name);
    System.out.println("Issued administrator certificate " + name);
    System.out.println("  " + options.dir().resolve(name + ".crt") + " and " + name + ".key");
    System.out.println("  SHA-256 " + issued.fingerprint());
    System.out.println(
        "next: call the management API (port 8392) with it, e.g. curl --cacert ca.crt --cert "
            + name
            + ".crt --key "
            + name
            + ".key https://master:8392/api/v1/workers");
    return 0;
  }
}
