package io.sluice.cli.cert;

import picocli.CommandLine.Command;

/** {@code sluice cert}: the cluster's certificates, without openssl. */
@Command(
    name = "cert",
    mixinStandardHelpOptions = true,
    description =
        "Create the cluster CA and issue master, worker and administrator certificates (PEM).",
    subcommands = {
      CaCommand.class,
      MasterCertCommand.class,
      WorkerCertCommand.class,
      AdminCertCommand.class
    })
public final class CertCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
