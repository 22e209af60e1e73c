package io.sluice.cli.cert;

import io.sluice.protocol.tls.CertificateAuthority;
import io.sluice.protocol.tls.IssuedCertificate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sluice cert worker NAME}: a worker's client certificate, which is its identity. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = "Issue a worker certificate (NAME.crt, NAME.key): the worker's identity.")
public final class WorkerCertCommand implements Callable<Integer> {

  @Mixin CertOptions options;

  @Parameters(index = "0", paramLabel = "NAME", description = "The worker's name, e.g. etl-1.")
  String name;

  @Override
  public Integer call() {
    CertificateAuthority ca = options.loadCa();
    options.refuseExisting(name);
    IssuedCertificate issued =
        ca.issueClient(name, options.validity(CertificateAuthority.DEFAULT_LEAF_VALIDITY));
    issued.writePem(options.dir(), name);
    System.out.println("Issued worker certificate " + name);
    System.out.println(
        "  " + options.dir().resolve(name + ".crt") + " and " + name + ".key (copy with ca.crt)");
    System.out.println("  SHA-256 " + issued.fingerprint());
    System.out.println(
        "next: start the worker with them; it registers itself disabled, then run:"
            + " sluice workers list, and sluice workers enable <its id>");
    return 0;
  }
}
