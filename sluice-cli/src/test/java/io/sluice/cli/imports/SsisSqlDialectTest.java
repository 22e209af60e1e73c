package io.sluice.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.database.CatalogLocation;
import io.sluice.catalog.security.CatalogKey;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.cli.catalog.CliRun;
import io.sluice.cli.catalog.CliRun.Result;
import io.sluice.engine.project.ProjectArchive;
import io.sluice.engine.project.TaskDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --sql-dialect} where SSIS files are imported in memory: {@code sluice catalog deploy} (and
 * {@code sluice run}, which the walkthrough of docs/import-ssis.md runs) rewrite the T-SQL as
 * {@code sluice import ssis} does; a Sluice project refuses the option, since nothing would rewrite
 * its SQL.
 */
class SsisSqlDialectTest {

  static final Path LESSON1 = Path.of("..", "datasets", "ssis-tutorial", "Lesson1.dtsx");

  @TempDir Path dir;

  @Test
  void deployRewritesTheLookupsTSqlForPostgresql() throws Exception {
    CatalogLocation location = TestCatalog.newEmptyDatabase();
    Path key = dir.resolve("catalog.key");

    Result deploy =
        CliRun.run(
            "catalog",
            "deploy",
            LESSON1.toString(),
            "--folder",
            "Tutorial",
            "--create-folder",
            "--sql-dialect",
            "postgresql",
            "--catalog-url",
            location.jdbcUrl(),
            "--catalog-user",
            location.user(),
            "--catalog-key-file",
            key.toString());

    assertThat(deploy.exitCode()).as(deploy.err()).isZero();
    try (CatalogDatabase database = CatalogDatabase.open(location)) {
      LocalCatalog catalog =
          new LocalCatalog(
              new CatalogContext(database, CatalogKey.loadOrCreate(key).cipher(), "test"));
      TaskDefinition flow =
          ProjectArchive.read(catalog.projects().archive("Tutorial", "Lesson1", null))
              .packages()
              .get(0)
              .tasks()
              .get(0);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> components =
          (List<Map<String, Object>>) flow.properties().get("components");
      assertThat(components)
          .filteredOn(c -> "Lookup Currency Key".equals(c.get("name")))
          .singleElement()
          .satisfies(
              c ->
                  assertThat(String.valueOf(c.get("query")))
                      .contains("from \"dbo\".\"DimCurrency\"")
                      .doesNotContain("[dbo]"));
    }
  }

  @Test
  void aSluiceProjectRefusesTheOption() {
    Result run =
        CliRun.run(
            "run", Path.of("..", "examples", "hello").toString(), "--sql-dialect", "postgresql");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--sql-dialect postgresql: ")
        .contains("is a Sluice project, not SSIS files")
        .contains("hint: ");
  }

  @Test
  void anUnknownDialectIsBadInput() {
    Result run = CliRun.run("run", LESSON1.toString(), "--sql-dialect", "mysql");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--sql-dialect mysql: unknown SQL dialect")
        .contains("hint: give --sql-dialect postgresql");
  }
}
