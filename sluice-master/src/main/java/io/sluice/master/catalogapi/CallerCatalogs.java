package io.sluice.master.catalogapi;

import io.javalin.http.Context;
import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.master.management.ManagementAccess;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The catalog as the request's caller: operations, deploys and executions record who asked (the
 * administrator certificate's name or {@code token:NAME}), as SSIS records caller_name, not the
 * master. One catalog per caller name, kept: callers are few, and opening one checks the log
 * partitions. Public for the web console (sluice-console), which acts through the same catalogs.
 */
public final class CallerCatalogs {

  private final CatalogContext master;
  private final ConcurrentMap<String, Catalog> byCaller = new ConcurrentHashMap<>();

  public CallerCatalogs(CatalogContext master) {
    this.master = master;
  }

  Catalog of(Context ctx) {
    return of(ManagementAccess.caller(ctx).name());
  }

  /** The catalog as {@code caller} (a certificate's common name or {@code token:NAME}). */
  public Catalog of(String caller) {
    return byCaller.computeIfAbsent(
        caller,
        name -> new LocalCatalog(new CatalogContext(master.database(), master.cipher(), name)));
  }
}
