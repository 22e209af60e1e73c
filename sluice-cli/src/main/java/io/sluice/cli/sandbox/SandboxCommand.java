package io.sluice.cli.sandbox;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.database.CatalogLocation;
import io.sluice.catalog.database.EmbeddedCatalog;
import io.sluice.catalog.database.SandboxDatabase;
import io.sluice.cli.common.LocalCatalogCommandBase;
import io.sluice.cli.common.Output;
import io.sluice.cli.common.UsageException;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice sandbox NAME}: a PostgreSQL database for the examples and tutorials, on the
 * embedded catalog's server, so examples/currency-rates needs nothing installed. It stays up while
 * the command runs, as the demo does.
 */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = {
      // the first line is the summary `sluice --help` lists: a whole sentence
      "Create a PostgreSQL database for examples and tutorials on the embedded server.",
      "A login of the same name owns it (no superuser, no access to the catalog). It prints the JDBC",
      "URL, user and password to give a package, and stays up until Ctrl-C (--once: exits at",
      "once). Give --embedded-catalog-port for a URL that stays the same from one start to the next."
    })
public final class SandboxCommand extends LocalCatalogCommandBase {

  @Parameters(index = "0", paramLabel = "NAME", description = "The database and its login.")
  String name;

  @Option(
      names = "--password",
      required = true,
      description = "The login's password (a sandbox's: it shows in ps and shell history).")
  String password;

  @Option(names = "--once", description = "Create it and exit instead of staying up.")
  boolean once;

  @Override
  protected int run(Catalog catalog, Output out) {
    EmbeddedCatalog server =
        session()
            .embedded()
            .orElseThrow(
                () ->
                    new UsageException(
                        "sluice sandbox creates its database on the embedded catalog's server, and"
                            + " this command uses the catalog at --catalog-url",
                        "leave out --catalog-url (and SLUICE_CATALOG_URL), or create the database"
                            + " on your PostgreSQL yourself"));
    CatalogLocation location;
    try {
      location = SandboxDatabase.create(server, name, password);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), "e.g. sluice sandbox warehouse --password secret");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create sandbox database " + name + ": " + e.getMessage(), e);
    }
    out.done(
        "Sandbox database "
            + name
            + " on the embedded PostgreSQL:\n  url       "
            + location.jdbcUrl()
            + "\n  user      "
            + location.user()
            + "\n  password  (the one given)",
        new Sandbox(location.jdbcUrl(), location.user()));
    if (!once) {
      System.out.println(
          "It stays up until Ctrl-C (the server keeps running while any other sluice command uses"
              + " the embedded catalog).");
      waitForCtrlC();
    }
    return 0;
  }

  /** What --json prints. */
  record Sandbox(String url, String user) {}

  private static void waitForCtrlC() {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "sluice-sandbox-stop"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
