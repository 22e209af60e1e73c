package io.sluice.cli.common;

import io.sluice.catalog.Catalog;
import io.sluice.master.management.WorkerManagement;
import java.util.Optional;

/**
 * What a catalog or management command works on: the catalog database directly ({@link
 * CatalogSession}) or a master's REST API ({@code --master}, {@link
 * io.sluice.cli.remote.MasterSession}). Commands see the same interfaces either way.
 */
public interface CatalogAccess extends AutoCloseable {

  Catalog catalog();

  WorkerManagement workers();

  /** The catalog database, when the command reaches it directly; empty through a master. */
  Optional<CatalogSession> direct();

  @Override
  void close();
}
