package io.sluice.cli.imports;

import io.sluice.ssis.ImportOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --sql-dialect} of the commands that take SSIS files and import them on the way ({@code
 * sluice run}, {@code sluice catalog deploy}): one option, described and checked alike in both.
 */
public final class SqlDialectOption {

  @Option(
      names = "--sql-dialect",
      paramLabel = "DIALECT",
      description =
          "For SSIS files, as sluice import ssis: postgresql rewrites the packages' T-SQL for"
              + " PostgreSQL as they are imported; without it, SQL is kept as written.")
  String sqlDialect;

  /**
   * Refuses the option for {@code target} when it is a Sluice project (see {@link
   * InMemoryImport#requireSsisForDialect}).
   */
  public void requireSsis(Path target) {
    InMemoryImport.requireSsisForDialect(sqlDialect, target);
  }

  /** The import options the option asks for (see {@link InMemoryImport#options}). */
  public ImportOptions importOptions() {
    return InMemoryImport.options(sqlDialect);
  }
}
