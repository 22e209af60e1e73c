package io.sluice.cli.cert;

import io.sluice.cli.common.UsageException;
import io.sluice.protocol.tls.CertificateAuthority;
import io.sluice.protocol.tls.Fingerprints;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sluice cert ca}: the cluster certificate authority. */
@Command(
    name = "ca",
    mixinStandardHelpOptions = true,
    description = "Create the cluster CA (ca.crt, ca.key) that every master and worker trusts.")
public final class CaCommand implements Callable<Integer> {

  @Mixin CertOptions options;

  @Option(names = "--name", description = "The CA's name (default: Sluice Cluster CA).")
  String name = "Sluice Cluster CA";

  @Override
  public Integer call() {
    if (Files.exists(options.dir().resolve("ca.key"))) {
      throw new UsageException(
          "a CA exists already in " + options.dir(),
          "keep using it (every certificate it issued depends on it), or choose another --dir");
    }
    CertificateAuthority ca =
        CertificateAuthority.create(
            name, options.validity(CertificateAuthority.DEFAULT_CA_VALIDITY));
    ca.writePem(options.dir());
    System.out.println("Created the cluster CA in " + options.dir());
    System.out.println("  ca.crt  give it to every master and worker (tls.ca in both files)");
    System.out.println("  ca.key  keep it secret and backed up; only sluice cert needs it");
    System.out.println("  SHA-256 " + Fingerprints.sha256(ca.certificate()));
    System.out.println(
        "next: sluice cert master --name <each host name or IP workers use> --dir "
            + options.dir());
    return 0;
  }
}
