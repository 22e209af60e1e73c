package io.sluice.cli.common;

import io.sluice.catalog.Catalog;
import io.sluice.cli.remote.MasterOptions;
import io.sluice.cli.remote.MasterSession;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A catalog or management command: works on the catalog database (catalog options), or through a
 * master's REST API with {@code --master} (or SLUICE_MASTER), which needs no database credentials.
 * Subclasses implement {@link #run(Catalog, Output)}, returning the exit code (0 on success), and
 * see the same interfaces either way.
 */
public abstract class CatalogCommandBase implements Callable<Integer> {

  @Mixin protected CatalogOptions catalogOptions;

  @Mixin protected MasterOptions masterOptions;

  @Option(names = "--json", description = "Print JSON instead of tables.")
  protected boolean json;

  private CatalogAccess access;

  @Override
  public final Integer call() {
    try (CatalogAccess opened =
        masterOptions.given()
            ? MasterSession.open(masterOptions)
            : CatalogSession.open(catalogOptions, System.err)) {
      access = opened;
      return run(opened.catalog(), new Output(System.out, json));
    } finally {
      access = null;
    }
  }

  /** What this command runs on: workers, and the database when it is reached directly. */
  protected CatalogAccess access() {
    return access;
  }

  protected abstract int run(Catalog catalog, Output out);
}
