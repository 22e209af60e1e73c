package io.sluice.cli.common;

import io.sluice.catalog.Catalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A command that works on the catalog database itself, never through a master: the master and the
 * demo (which serve the catalog), and API tokens (which bootstrap the credentials {@code --master}
 * needs). Opens the catalog, runs, closes it. Subclasses implement {@link #run(Catalog, Output)},
 * returning the exit code (0 on success). Every other command extends {@link CatalogCommandBase}.
 */
public abstract class LocalCatalogCommandBase implements Callable<Integer> {

  @Mixin protected CatalogOptions catalogOptions;

  @Option(names = "--json", description = "Print JSON instead of tables.")
  protected boolean json;

  private CatalogSession session;

  @Override
  public final Integer call() {
    try (CatalogSession opened = CatalogSession.open(catalogOptions, System.err)) {
      session = opened;
      return run(opened.catalog(), new Output(System.out, json));
    } finally {
      session = null;
    }
  }

  /** The open session, for commands that run executions in this process. */
  protected CatalogSession session() {
    return session;
  }

  protected abstract int run(Catalog catalog, Output out);
}
