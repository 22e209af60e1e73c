package io.sluice.cli.remote;

import io.sluice.catalog.Catalog;
import io.sluice.cli.common.CatalogAccess;
import io.sluice.cli.common.CatalogSession;
import io.sluice.master.management.WorkerManagement;
import java.util.Optional;

/** A command's catalog and workers through a master: no catalog database, no catalog key here. */
public final class MasterSession implements CatalogAccess {

  private final RemoteCatalog catalog;
  private final RemoteWorkers workers;

  private MasterSession(MasterConnection master) {
    this.catalog = new RemoteCatalog(master);
    this.workers = new RemoteWorkers(master);
  }

  public static MasterSession open(MasterOptions options) {
    return new MasterSession(options.connect());
  }

  @Override
  public Catalog catalog() {
    return catalog;
  }

  @Override
  public WorkerManagement workers() {
    return workers;
  }

  @Override
  public Optional<CatalogSession> direct() {
    return Optional.empty();
  }

  @Override
  public void close() {
    // HttpClient needs no closing (Java 17); its connections end with the process.
  }
}
