package io.sluice.cli.common;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.database.CatalogLocation;
import io.sluice.catalog.database.EmbeddedCatalog;
import io.sluice.catalog.security.CatalogKey;
import io.sluice.master.management.WorkerAgents;
import io.sluice.master.management.WorkerManagement;
import java.io.PrintStream;
import java.util.Optional;

/**
 * An open catalog for one command: the embedded one (started here, or attached to the process that
 * runs it) or an external PostgreSQL. Closing it stops an embedded server this process started.
 */
public final class CatalogSession implements CatalogAccess {

  private final EmbeddedCatalog embedded;
  private final CatalogDatabase database;
  private final Catalog catalog;
  private final CatalogContext context;

  private CatalogSession(
      EmbeddedCatalog embedded, CatalogDatabase database, CatalogContext context) {
    this.embedded = embedded;
    this.database = database;
    this.context = context;
    this.catalog = new LocalCatalog(context);
  }

  /** Opens the catalog the options describe; notes (e.g. a new key) go to {@code notes}. */
  public static CatalogSession open(CatalogOptions options, PrintStream notes) {
    EmbeddedCatalog embedded = null;
    CatalogLocation location;
    String url = options.url();
    if (url == null) {
      embedded = EmbeddedCatalog.attachOrStart(options.dataDir());
      location = embedded.location();
    } else {
      location = new CatalogLocation(url, options.user(), options.password());
    }
    try {
      CatalogKey.Loaded key = loadKey(options);
      if (key.created()) {
        notes.println(
            "sluice: generated the catalog key "
                + key.file()
                + " - back it up: without it, sensitive values stored in the catalog cannot be read.");
      }
      CatalogDatabase database = CatalogDatabase.open(location);
      return new CatalogSession(
          embedded, database, new CatalogContext(database, key.cipher(), caller()));
    } catch (RuntimeException e) {
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  private static CatalogKey.Loaded loadKey(CatalogOptions options) {
    try {
      return CatalogKey.loadOrCreate(options.keyFile());
    } catch (IllegalArgumentException unreadable) {
      throw new UsageException(unreadable.getMessage(), ErrorHandler.KEY_HINT);
    }
  }

  private static String caller() {
    String user = System.getProperty("user.name");
    return user == null || user.isBlank() ? "unknown" : user;
  }

  @Override
  public Catalog catalog() {
    return catalog;
  }

  @Override
  public WorkerManagement workers() {
    return new WorkerAgents(database.jdbi());
  }

  @Override
  public Optional<CatalogSession> direct() {
    return Optional.of(this);
  }

  public CatalogContext context() {
    return context;
  }

  public CatalogDatabase database() {
    return database;
  }

  @Override
  public void close() {
    database.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
