package io.sluice.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.project.ConnectionDefinition;
import io.sluice.engine.runtime.connection.Connections;
import io.sluice.engine.runtime.library.JdbcDrivers;
import io.sluice.engine.runtime.variable.Variables;
import io.sluice.ssis.SsisImporter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's JDBC driver for SQL Server ships with the distribution (sluice-cli's class path, as
 * {@code target/lib/} of the ./sluice launcher): the URL imported from Lesson1's OLE DB connection
 * is taken by that driver with no jar in the project's lib/. No SQL Server runs here, so the proof
 * that it is the driver at work is its own error for a port where nothing listens.
 */
class SqlServerDriverTest {

  private static final Path LESSON1 = Path.of("..", "datasets", "ssis-tutorial", "Lesson1.dtsx");

  private static String lesson1Url() {
    ConnectionDefinition db =
        SsisImporter.importPackage(LESSON1).project().packages().get(0).connections().get(0);
    return String.valueOf(db.properties().get("url"));
  }

  @Test
  void theImportedLesson1UrlIsAcceptedByTheShippedDriver() throws Exception {
    String url = lesson1Url();
    assertThat(url).startsWith("jdbc:sqlserver://localhost;databaseName=AdventureWorksDW2012;");

    Driver driver = DriverManager.getDriver(url);

    assertThat(driver.getClass().getName())
        .isEqualTo("com.microsoft.sqlserver.jdbc.SQLServerDriver");
    assertThat(driver.acceptsURL(url)).isTrue();
  }

  @Test
  void connectingToAClosedPortFailsWithTheDriversOwnError() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // free, and closed again when the driver tries it
    }
    String url =
        lesson1Url().replace("//localhost;", "//localhost:" + port + ";") + ";loginTimeout=5";
    Connections connections =
        new Connections(
            List.of(
                new ConnectionDefinition(
                    "Lesson1 DW", "jdbc", null, Map.of("url", url), Map.of(), null)),
            JdbcDrivers.classPath());

    assertThatThrownBy(() -> connections.openJdbc("Lesson1 DW", Variables.root()))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("cannot connect with connection 'Lesson1 DW'")
        .hasMessageContaining(
            "TCP/IP connection to the host localhost, port " + port + " has failed")
        .hasMessageNotContaining("No suitable driver")
        .hasMessageNotContaining("lib/");
  }
}
