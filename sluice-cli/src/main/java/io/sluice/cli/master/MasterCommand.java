package io.sluice.cli.master;

import io.sluice.catalog.Catalog;
import io.sluice.cli.common.LocalCatalogCommandBase;
import io.sluice.cli.common.Output;
import io.sluice.cli.common.UsageException;
import io.sluice.master.Master;
import io.sluice.master.config.MasterConfigFile;
import io.sluice.master.config.MasterSettings;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/**
 * {@code sluice master --config master.yaml}: runs a Scale Out master until stopped (Ctrl-C or
 * SIGTERM). The same file's {@code catalog:} section says where the catalog is.
 */
@Command(
    name = "master",
    mixinStandardHelpOptions = true,
    description =
        "Run a Scale Out master (settings in --config master.yaml; see docs/scale-out.md).",
    subcommands = {MasterStatusCommand.class})
public final class MasterCommand extends LocalCatalogCommandBase {

  @Override
  protected int run(Catalog catalog, Output out) {
    if (catalogOptions.configFile() == null) {
      throw new UsageException(
          "sluice master needs its settings file",
          "run: sluice master --config master.yaml (docs/scale-out.md shows one)");
    }
    MasterSettings settings = MasterConfigFile.read(catalogOptions.configFile());
    CountDownLatch stopped = new CountDownLatch(1);
    try (Master master = Master.start(settings, catalog, session().context())) {
      out.done(
          "master "
              + master.name()
              + " serving workers on port "
              + master.workerPort()
              + " (mutual TLS) and management on port "
              + master.managementPort()
              + "; Ctrl-C stops it",
          Map.of(
              "name", master.name(),
              "workerPort", master.workerPort(),
              "managementPort", master.managementPort()));
      Thread hook = new Thread(stopped::countDown, "sluice-master-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
