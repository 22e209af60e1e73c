package io.sluice.cli.catalog;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.retention.CleanupResult;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import picocli.CommandLine.Command;

/**
 * {@code sluice catalog cleanup}: Remove operations and messages older than the retention window,
 * and old project versions.
 */
@Command(
    name = "cleanup",
    mixinStandardHelpOptions = true,
    description =
        "Remove operations and messages older than the retention window, and old project versions.")
public final class CleanupCommand extends CatalogCommandBase {

  @Override
  protected int run(Catalog catalog, Output out) {
    CleanupResult result = catalog.operations().cleanup();
    if (!result.ran()) {
      out.done(
          "Cleanup is disabled (OPERATION_CLEANUP_ENABLED is false): nothing removed. Enable it"
              + " with: sluice catalog properties set OPERATION_CLEANUP_ENABLED true",
          result);
      return 0;
    }
    out.done(
        "Removed everything older than "
            + Output.text(result.cutoff())
            + " (RETENTION_WINDOW "
            + result.retentionWindowDays()
            + " days): "
            + plural(result.partitionsDropped(), "day partition")
            + " of logs, "
            + plural(result.operationsRemoved(), "operation")
            + ", "
            + plural(result.projectVersionsRemoved(), "project version")
            + "; recorded as operation "
            + result.operationId()
            + ".",
        result);
    return 0;
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
