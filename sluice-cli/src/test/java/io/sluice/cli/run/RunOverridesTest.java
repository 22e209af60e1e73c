package io.sluice.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.SluiceCommand;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice run --connection/--set} (dtexec's /CONNECTION and /SET): a package that points at a
 * server of the old estate writes into an embedded PostgreSQL instead, with a day given on the
 * command line.
 */
class RunOverridesTest {

  static EmbeddedPostgres postgres;

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    execute("create table loaded_day (day integer)");
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  @BeforeEach
  void project() throws Exception {
    execute("delete from loaded_day");
    Files.writeString(
        dir.resolve("project.yaml"),
        """
        name: estate
        connections:
          - name: Warehouse
            type: jdbc
            url: jdbc:postgresql://old-estate.invalid:5432/dw
            user: postgres
        """);
    Files.createDirectories(dir.resolve("packages"));
    Files.writeString(
        dir.resolve("packages/load.yaml"),
        """
        variables:
          - {name: Day, type: Int32, value: 1}
        connections:
          - name: Extract
            type: file
            path: 'C:\\\\Old\\\\extract.txt'
        tasks:
          - name: Load
            type: ExecuteSql
            connection: Warehouse
            statement: insert into loaded_day (day) values (?)
            parameters:
              - {variable: User::Day}
        """);
  }

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of("run", dir.toString()));
    all.addAll(List.of(args));
    return SluiceCommand.commandLine()
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(all.toArray(String[]::new));
  }

  private static String url() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @Test
  void theConnectionAndTheVariableGivenOnTheCommandLineAreWhatThePackageUses() throws Exception {
    int code =
        run(
            "--connection",
            "Warehouse=" + url(),
            "--set",
            "\\Package.Variables[User::Day].Value;5");

    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(days()).containsExactly(5);
  }

  @Test
  void dtexecsSpellingsWorkAndAValueMayComeFromAFile() throws Exception {
    Path urlFile = dir.resolve("url.txt");
    Files.writeString(urlFile, url() + "\n");
    int code =
        run(
            "--connection",
            "Warehouse;@" + urlFile,
            "--set",
            "\\Package.Variables[User::Day].Properties[Value]=7");

    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(days()).containsExactly(7);
  }

  @Test
  void withoutTheOverridesThePackageReachesForTheOldServer() {
    assertThat(run()).isEqualTo(1);
    assertThat(out.toString()).contains("old-estate.invalid");
  }

  @Test
  void anUnknownConnectionIsRefusedWithTheKnownNamesAndNothingRuns() throws Exception {
    int code = run("--connection", "Warehous=" + url());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("no connection 'Warehous'")
        .contains("its connections: Extract, Warehouse")
        .contains("hint:");
    assertThat(out.toString()).doesNotContain("Load");
    assertThat(days()).isEmpty();
  }

  @Test
  void aValueOfTheWrongTypeIsRefused() throws Exception {
    int code =
        run(
            "--connection",
            "Warehouse=" + url(),
            "--set",
            "\\Package.Variables[User::Day].Value;Monday");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("User::Day is Int32").contains("Monday");
    assertThat(days()).isEmpty();
  }

  @Test
  void aPathSluiceCannotSetIsRefusedSayingWhatItAccepts() {
    assertThat(run("--set", "\\Package\\Load.Properties[BypassPrepare];true")).isEqualTo(2);
    assertThat(err.toString())
        .contains("\\Package\\Load.Properties[BypassPrepare]")
        .contains("accepted: Disable");
    assertThat(run("--set", "\\Package.Variables[User::Day]")).isEqualTo(2);
    assertThat(err.toString()).contains("PROPERTY_PATH;VALUE");
  }

  @Test
  void aDisabledTaskIsSkipped() throws Exception {
    assertThat(run("--set", "\\Package\\Load.Properties[Disable];true")).isZero();
    assertThat(days()).isEmpty();
  }

  private static List<Integer> days() throws Exception {
    List<Integer> days = new ArrayList<>();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select day from loaded_day")) {
      while (rs.next()) {
        days.add(rs.getInt(1));
      }
    }
    return days;
  }

  private static void execute(String sql) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
