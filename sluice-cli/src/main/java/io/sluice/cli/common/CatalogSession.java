package io.sluice.cli.common;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.database.CatalogLocation;
import io.sluice.catalog.database.EmbeddedCatalog;
import io.sluice.catalog.security.CatalogKey;
import io.sluice.catalog.security.CatalogKeyCheck;
import io.sluice.master.management.WorkerAgents;
import io.sluice.master.management.WorkerManagement;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
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
      embedded = EmbeddedCatalog.attachOrStart(options.dataDir(), options.embeddedPort());
      location = embedded.location();
    } else {
      location = new CatalogLocation(url, options.user(), options.password());
    }
    try {
      // The database first: a key is generated only where a catalog answered to check it against.
      CatalogDatabase database = CatalogDatabase.open(location);
      CatalogKey.Loaded key;
      try {
        key = loadKey(options);
        verify(database, key);
      } catch (RuntimeException e) {
        database.close();
        throw e;
      }
      if (key.created()) {
        notes.println(
            "sluice: generated the catalog key "
                + key.file()
                + " - back it up: without it, sensitive values stored in the catalog cannot be read.");
      }
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

  private static void verify(CatalogDatabase database, CatalogKey.Loaded key) {
    try {
      CatalogKeyCheck.verify(database.jdbi(), key.cipher());
    } catch (CatalogKeyCheck.WrongCatalogKeyException wrong) {
      throw wrongKey(key, wrong);
    }
  }

  /**
   * The key at hand is not the one the catalog's values are encrypted with. A key file generated
   * just now (none was there) is removed again, so the right one can be copied to its place.
   */
  private static UsageException wrongKey(
      CatalogKey.Loaded key, CatalogKeyCheck.WrongCatalogKeyException wrong) {
    if (key.file() == null) {
      return new UsageException(
          CatalogKey.ENVIRONMENT_VARIABLE + " holds the wrong key: " + wrong.getMessage(),
          "set it to the contents of the catalog key file of a machine already using this catalog"
              + " (e.g. the first master's catalog.key), or unset it to use a key file");
    }
    String hint =
        "copy the catalog key file of a machine already using this catalog (e.g. the first"
            + " master's catalog.key) to "
            + key.file()
            + ", or set "
            + CatalogKey.ENVIRONMENT_VARIABLE
            + " to its contents (docs/high-availability.md, 2.2)";
    if (key.created()) {
      try {
        Files.deleteIfExists(key.file());
      } catch (IOException e) {
        // Left in place: the message below still says what to do with it.
      }
      return new UsageException(
          "no catalog key file was at "
              + key.file()
              + ", but this catalog already has a key (id "
              + wrong.catalogKeyId()
              + "); the key generated for it was removed again",
          hint);
    }
    return new UsageException(
        "the catalog key " + key.file() + " does not fit this catalog: " + wrong.getMessage(),
        hint);
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

  /** The embedded catalog's server, when this session uses it (no --catalog-url). */
  public java.util.Optional<EmbeddedCatalog> embedded() {
    return java.util.Optional.ofNullable(embedded);
  }

  /** Where the catalog is, for the user: a JDBC URL (the embedded one's names its port). */
  public String whereCatalogIs() {
    return embedded != null
        ? "the embedded catalog on port " + port(embedded.location().jdbcUrl())
        : "the catalog given by --catalog-url";
  }

  private static String port(String jdbcUrl) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(\\d+)/").matcher(jdbcUrl);
    return m.find() ? m.group(1) : jdbcUrl;
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
