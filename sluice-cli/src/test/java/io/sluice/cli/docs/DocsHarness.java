package io.sluice.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.catalog.CliRun;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a docs example needs around it to run: one embedded PostgreSQL for the whole run (a fresh
 * database per example that writes), a folder per example, the repository's data, and {@code sluice
 * project validate} and {@code sluice run} run in-process exactly as a user types them.
 */
final class DocsHarness implements AutoCloseable {

  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final Path TUTORIAL = REPO.resolve("datasets").resolve("ssis-tutorial");
  static final Path RATES = TUTORIAL.resolve("SampleCurrencyData.txt");
  static final int RATE_ROWS = 1097;

  private final EmbeddedPostgres postgres;
  private final Path root;
  private int databases;
  private int folders;

  DocsHarness(Path root) throws IOException {
    this.root = root;
    this.postgres = EmbeddedPostgres.start();
  }

  /** The server's own database: for examples that only read what a query makes up. */
  String readOnlyUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  /** A new database, with {@code sql} run in it: for examples that create or change tables. */
  String database(String sql) throws SQLException {
    String name = "docs_" + ++databases;
    try (Connection c = DriverManager.getConnection(readOnlyUrl());
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    }
    String url = postgres.getJdbcUrl("postgres", name);
    if (!sql.isBlank()) {
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        s.execute(sql);
      }
    }
    return url;
  }

  /** The first column of the first row. */
  Object value(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      assertThat(rs.next()).as(sql).isTrue();
      return rs.getObject(1);
    }
  }

  /** A new empty folder for one example. */
  Path folder() throws IOException {
    return Files.createDirectories(root.resolve("example-" + ++folders));
  }

  /** A project on disk: project.yaml and packages. */
  static final class Project {
    private final List<String> connections = new ArrayList<>();
    private final List<String> parameters = new ArrayList<>();
    private final Map<String, String> files = new LinkedHashMap<>();
    private String projectYaml;

    /** A connection of project.yaml, one flow-style item: {@code {name: x, type: file, ...}}. */
    Project connection(String item) {
      connections.add(item);
      return this;
    }

    Project parameter(String item) {
      parameters.add(item);
      return this;
    }

    /** project.yaml as given instead of the one the connections and parameters make. */
    Project projectYaml(String text) {
      projectYaml = text;
      return this;
    }

    Project pkg(String name, String yaml) {
      return file("packages/" + name + ".yaml", yaml);
    }

    Project file(String path, String text) {
      files.put(path, text);
      return this;
    }

    Path write(Path dir) throws IOException {
      String project = projectYaml;
      if (project == null) {
        StringBuilder p = new StringBuilder("name: docs\n");
        if (!parameters.isEmpty()) {
          p.append("parameters:\n");
          parameters.forEach(x -> p.append("  - ").append(x).append('\n'));
        }
        if (!connections.isEmpty()) {
          p.append("connections:\n");
          connections.forEach(x -> p.append("  - ").append(x).append('\n'));
        }
        project = p.toString();
      }
      Files.writeString(dir.resolve("project.yaml"), project, StandardCharsets.UTF_8);
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path file = dir.resolve(f.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
      }
      return dir;
    }
  }

  static Project project() {
    return new Project();
  }

  /** A jdbc connection item named {@code name}. */
  static String jdbc(String name, String url) {
    return "{name: " + name + ", type: jdbc, url: '" + url + "', user: postgres}";
  }

  /** A flatFile connection item in the shape of the SSIS tutorial's rate files. */
  static String rates(String name, Path file) {
    return "{name: '"
        + name
        + "', type: flatFile, file: '"
        + file
        + "', delimiter: '\\t', columns: [{name: AverageRate, type: DT_R8}, {name: CurrencyID,"
        + " type: 'DT_WSTR,3'}, {name: CurrencyDate, type: DT_DBTIMESTAMP}, {name: EndOfDayRate,"
        + " type: DT_R8}]}";
  }

  /**
   * Package {@code main}: {@code variables} (flow-style items, may be empty) and one DataFlow task
   * whose components are {@code prelude} (what the example reads from, flow-style items) and then
   * the example's components as written.
   */
  static String flow(List<String> variables, List<String> prelude, String components) {
    StringBuilder p = new StringBuilder();
    if (!variables.isEmpty()) {
      p.append("variables:\n");
      variables.forEach(v -> p.append("  - ").append(v).append('\n'));
    }
    p.append("tasks:\n  - name: Flow\n    type: DataFlow\n    components:\n");
    prelude.forEach(c -> p.append("      - ").append(c).append('\n'));
    p.append(components.indent(6));
    return p.toString();
  }

  /**
   * {@code sluice project validate DIR}, which must accept it, then {@code sluice run DIR --package
   * PKG --param ...}; the run's exit code must be {@code exitCode}. Returns what the run printed.
   */
  String validateAndRun(Path project, String pkg, int exitCode, String... params) {
    CliRun.Result valid = CliRun.run("project", "validate", project.toString());
    assertThat(valid.exitCode()).as("sluice project validate: %s", valid.err()).isZero();
    List<String> args = new ArrayList<>(List.of("run", project.toString(), "--package", pkg));
    for (String p : params) {
      args.add("--param");
      args.add(p);
    }
    CliRun.Result run = CliRun.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as("sluice run:\n%s\n%s", run.out(), run.err()).isEqualTo(exitCode);
    return run.out() + run.err();
  }

  /** As {@link #validateAndRun(Path, String, int, String...)}, the run succeeding. */
  String validateAndRun(Path project, String pkg, String... params) {
    return validateAndRun(project, pkg, 0, params);
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
