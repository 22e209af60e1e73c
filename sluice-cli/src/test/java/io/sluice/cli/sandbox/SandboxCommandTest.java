package io.sluice.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.database.EmbeddedCatalog;
import io.sluice.cli.catalog.CliRun;
import io.sluice.cli.catalog.CliRun.Result;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice sandbox}: the database examples/currency-rates needs, on the embedded catalog's
 * server, and the tutorial run against it as docs/package-format.md (section 11) says.
 */
class SandboxCommandTest {

  static final Path DATA = Path.of("..", "datasets", "ssis-tutorial").toAbsolutePath().normalize();

  @TempDir Path dataDir;
  @TempDir Path rejects;

  @Test
  void theTutorialLoadsIntoASandboxDatabaseThatCannotReachTheCatalog() throws Exception {
    // this test's own hold on the embedded server keeps it up between the commands, as the
    // documented `sluice sandbox` left running in another terminal does
    try (EmbeddedCatalog server = EmbeddedCatalog.attachOrStart(dataDir)) {
      Result created =
          CliRun.run(
              "sandbox", "warehouse", "--password", "secret", "--once", "--data-dir", "" + dataDir);
      assertThat(created.exitCode()).as(created.out() + created.err()).isZero();
      Matcher url =
          Pattern.compile("url +(jdbc:postgresql://\\S+/warehouse)").matcher(created.out());
      assertThat(url.find()).as(created.out()).isTrue();
      assertThat(created.out()).contains("user      warehouse").doesNotContain("secret");

      Result run =
          CliRun.run(
              "run",
              Path.of("..", "examples", "currency-rates").toString(),
              "--package",
              "main",
              "--param",
              "WarehouseUrl=" + url.group(1),
              "--param",
              "WarehouseUser=warehouse",
              "--param",
              "WarehousePassword=secret",
              "--param",
              "DataFolder=" + DATA,
              "--param",
              "RejectFolder=" + rejects);
      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      try (Connection c = DriverManager.getConnection(url.group(1), "warehouse", "secret");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select count(*) from factcurrencyrate")) {
        rs.next();
        assertThat(rs.getLong(1)).isGreaterThan(10_000);
      }
      // the login owns its database and nothing else: not even a look at the catalog's
      String catalogUrl = url.group(1).replace("/warehouse", "/sluice");
      assertThatThrownBy(() -> DriverManager.getConnection(catalogUrl, "warehouse", "secret"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");

      // run again: the same database, its password set again, the catalog still works
      Result again =
          CliRun.run(
              "sandbox", "warehouse", "--password", "other", "--once", "--data-dir", "" + dataDir);
      assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
      DriverManager.getConnection(url.group(1), "warehouse", "other").close();
      Result folders = CliRun.run("catalog", "folders", "list", "--data-dir", "" + dataDir);
      assertThat(folders.exitCode()).as(folders.err()).isZero();
    }
  }

  @Test
  void aNameTheServerOrTheCatalogUsesIsRefused() {
    for (String name : new String[] {"sluice", "postgres", "Bad-Name", "1st"}) {
      Result r =
          CliRun.run("sandbox", name, "--password", "secret", "--once", "--data-dir", "" + dataDir);
      assertThat(r.exitCode()).as(name).isEqualTo(2);
      assertThat(r.err()).as(name).contains("cannot be a sandbox database");
    }
  }
}
