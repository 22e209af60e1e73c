package io.sluice.catalog.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other users of the machine cannot get into the embedded catalog, and Sluice itself uses it
 * through a role that cannot run programs or read files on the server even if an SQL injection
 * slipped through. One server for the class: starting one takes seconds.
 */
class EmbeddedCatalogSecurityTest {

  @TempDir static Path root;
  static Path dataDir;
  static EmbeddedCatalog catalog;
  static CatalogDatabase database;
  static int port;

  @BeforeAll
  static void start() throws IOException {
    // As a home folder usually is: others may pass through it, so only the catalog's own modes
    // keep them out.
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    dataDir = root.resolve("catalog");
    catalog = EmbeddedCatalog.attachOrStart(dataDir);
    database = CatalogDatabase.open(catalog.location());
    port = EmbeddedCatalogTest.port(catalog);
  }

  @AfterAll
  static void stop() {
    database.close();
    catalog.close();
  }

  @Test
  void aLoginWithoutPasswordOrWithAWrongOneIsRefused() {
    for (String user : List.of("postgres", "sluice")) {
      for (String password : List.of("", "wrong-password")) {
        assertThatThrownBy(
                () ->
                    DriverManager.getConnection(
                            "jdbc:postgresql://127.0.0.1:" + port + "/sluice", user, password)
                        .close())
            .as("%s with password '%s'", user, password)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("password");
      }
    }
  }

  @Test
  void thePoolLogsInAsTheCatalogsOwnerWhichIsNoSuperuser() throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      assertThat(text(s, "select current_user")).isEqualTo("sluice");
      assertThat(text(s, "select rolsuper::text from pg_roles where rolname = current_user"))
          .isEqualTo("false");
      assertThat(
              text(
                  s,
                  "select pg_get_userbyid(datdba) from pg_database"
                      + " where datname = current_database()"))
          .isEqualTo("sluice");
      assertThat(text(s, NOT_OWNED_BY_SLUICE)).as("catalog objects owned by others").isEqualTo("");
    }
  }

  @Test
  void thePoolCannotRunAProgramNorReadAServerFile() throws SQLException {
    Path key = dataDir.resolve(ServerPasswords.FILE).toAbsolutePath();
    for (String sql :
        List.of(
            "copy (select 1) to program 'true'",
            "select pg_read_file('PG_VERSION')",
            "select pg_read_file('" + key + "')",
            "select pg_ls_dir('.')",
            "set role postgres")) {
      try (Connection c = database.dataSource().getConnection();
          Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.execute(sql))
            .as(sql)
            .isInstanceOfSatisfying(
                SQLException.class,
                e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("42501"));
      }
    }
  }

  @Test
  void theServerListensOnLoopbackOnlyHasNoSocketAndTrustsNobody() throws Exception {
    // Server settings only a superuser may read.
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "postgres",
                ServerPasswords.read(dataDir).superuser());
        Statement s = c.createStatement()) {
      assertThat(text(s, "show listen_addresses")).isEqualTo("127.0.0.1");
      assertThat(text(s, "show unix_socket_directories")).isEmpty();
    }
    assertThat(Path.of("/tmp/.s.PGSQL." + port)).doesNotExist();
    List<String> rules =
        Files.readAllLines(dataDir.resolve("pgdata/pg_hba.conf")).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();
    assertThat(rules).containsExactly("host    all    all    127.0.0.1/32    scram-sha-256");
  }

  @Test
  void onlyTheOwnerCanReadTheCatalogsFiles() throws IOException {
    assertThat(mode(dataDir)).isEqualTo("rwx------");
    assertThat(mode(dataDir.resolve("pgdata"))).isEqualTo("rwx------");
    assertThat(mode(dataDir.resolve("server.properties"))).isEqualTo("rw-------");
    assertThat(mode(dataDir.resolve("server.pgpass"))).isEqualTo("rw-------");
    assertThat(mode(dataDir.resolve("owner.lock"))).isEqualTo("rw-------");
  }

  @Test
  void anotherOsUserCannotReadThePasswordsNorLogIn() throws Exception {
    assumeThat(System.getProperty("user.name"))
        .as("only root can act as another user here")
        .isEqualTo("root");
    assumeThat(Path.of("/usr/sbin/runuser")).as("runuser").isExecutable();
    for (String file : List.of("server.pgpass", "server.properties")) {
      Run cat = asNobody("cat", dataDir.resolve(file).toString());
      assertThat(cat.exitCode()).as("nobody reads %s: %s", file, cat.output()).isNotZero();
    }
    Path psql = Path.of("/usr/bin/psql");
    if (Files.isExecutable(psql)) {
      Run login =
          asNobody(
              psql.toString(),
              "-w",
              "-h",
              "127.0.0.1",
              "-p",
              Integer.toString(port),
              "-U",
              "postgres",
              "-d",
              "postgres",
              "-c",
              "select 1");
      assertThat(login.exitCode()).as(login.output()).isNotZero();
      assertThat(login.output()).contains("password");
    }
  }

  @Test
  void aSecondCatalogAttachesToTheServerTheFirstOwns() {
    database
        .jdbi()
        .useHandle(h -> h.execute("insert into folder (name, created_by) values ('first', 't')"));
    try (EmbeddedCatalog second = EmbeddedCatalog.attachOrStart(dataDir);
        CatalogDatabase db = CatalogDatabase.open(second.location())) {
      assertThat(second.ownsServer()).isFalse();
      assertThat(second.location().user()).isEqualTo("sluice");
      List<String> names =
          db.jdbi()
              .withHandle(h -> h.createQuery("select name from folder").mapTo(String.class).list());
      assertThat(names).contains("first");
    }
  }

  /** Objects in the catalog's schemas whose owner is not sluice, one per line ("" if none). */
  static final String NOT_OWNED_BY_SLUICE =
      """
      select coalesce(string_agg(what, E'\\n'), '') from (
        select 'schema ' || nspname as what from pg_namespace
        where nspname not like 'pg\\_%' and nspname <> 'information_schema'
          and nspowner <> 'sluice'::regrole
        union all
        select 'relation ' || c.oid::regclass from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
          and c.relowner <> 'sluice'::regrole
        union all
        select 'routine ' || p.oid::regprocedure from pg_proc p
        join pg_namespace n on n.oid = p.pronamespace
        where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
          and p.proowner <> 'sluice'::regrole
        union all
        select 'type ' || t.oid::regtype from pg_type t
        join pg_namespace n on n.oid = t.typnamespace
        where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
          and t.typowner <> 'sluice'::regrole
        union all
        select 'collation ' || collname from pg_collation c
        join pg_namespace n on n.oid = c.collnamespace
        where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
          and c.collowner <> 'sluice'::regrole
      ) others
      """;

  static String text(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  record Run(int exitCode, String output) {}

  private static Run asNobody(String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of("/usr/sbin/runuser", "-u", "nobody", "--"));
    line.addAll(List.of(command));
    Process process =
        new ProcessBuilder(line).directory(Path.of("/").toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }
}
