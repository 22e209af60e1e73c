package io.sluice.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.SluiceCommand;
import io.sluice.engine.project.ProjectArchive;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/currency-rates run for real with {@code sluice run} against PostgreSQL: the dimensions
 * loaded from the tutorial's extracts, every Currency_*.txt loaded by a Foreach loop, and the rows
 * of the unknown currency BAD in the reject file instead of the fact table.
 */
class CurrencyRatesExampleTest {

  static final Path EXAMPLE = Path.of("..", "examples", "currency-rates");
  // The repository ships the tutorial's files; tests run in the module folder.
  static final Path DATA = Path.of("..", "datasets", "ssis-tutorial").toAbsolutePath().normalize();

  static EmbeddedPostgres postgres;

  @TempDir Path rejects;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void warehouse() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  private int runMain() {
    return SluiceCommand.commandLine()
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(
            "run",
            EXAMPLE.toString(),
            "--package",
            "main",
            "--param",
            "$Project::WarehouseUrl=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--param",
            "$Project::WarehouseUser=postgres",
            "--param",
            "$Project::WarehousePassword=unused",
            "--param",
            "$Project::DataFolder=" + DATA,
            "--param",
            "$Project::RejectFolder=" + rejects);
  }

  @Test
  void mainLoadsEveryRateFileAndRejectsTheUnknownCurrency() throws Exception {
    long allRates = 0;
    try (Stream<Path> files = Files.list(DATA)) {
      for (Path f :
          files.filter(p -> p.getFileName().toString().matches("Currency_.*\\.txt")).toList()) {
        allRates += lines(f);
      }
    }
    long badRates = lines(DATA.resolve("Currency_BAD.txt"));
    assertThat(badRates).isEqualTo(1097);

    int code = runMain();

    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(count("dimcurrency")).isEqualTo(lines(DATA.resolve("DimCurrency.csv")));
    assertThat(count("dimdate")).isEqualTo(lines(DATA.resolve("DimDate.csv")));
    assertThat(count("factcurrencyrate")).isEqualTo(allRates - badRates);
    List<String> rejected = Files.readAllLines(rejects.resolve("Currency_BAD.rejected.txt"));
    assertThat(rejected.get(0)).isEqualTo("AverageRate\tCurrencyID\tCurrencyDate\tEndOfDayRate");
    assertThat(rejected.subList(1, rejected.size()))
        .hasSize(1097)
        .allSatisfy(line -> assertThat(line.split("\t")[1]).isEqualTo("BAD"));
    assertThat(Files.readAllLines(rejects.resolve("Currency_USD.rejected.txt"))).hasSize(1);

    assertThat(runMain()).as("a second run reloads instead of adding: " + err).isZero();
    assertThat(count("factcurrencyrate")).isEqualTo(allRates - badRates);
  }

  @Test
  void theExampleStillParses() {
    assertThat(ProjectArchive.load(EXAMPLE).packages()).hasSize(3);
  }

  private static long lines(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
      return lines.filter(l -> !l.isBlank()).count();
    }
  }

  private static long count(String table) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
