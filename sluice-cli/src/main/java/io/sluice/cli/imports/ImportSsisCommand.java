package io.sluice.cli.imports;

import io.sluice.cli.common.Output;
import io.sluice.cli.common.UsageException;
import io.sluice.engine.project.ProjectFormatException;
import io.sluice.engine.project.ProjectParser;
import io.sluice.ssis.ImportedProject;
import io.sluice.ssis.report.ImportEntry;
import io.sluice.ssis.report.ImportReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice import ssis SOURCE --to DIR}: converts SSIS packages (one .dtsx, an SSIS project
 * folder or .dtproj, an .ispac) into a Sluice project folder, with IMPORT.md, the report of what
 * was not converted. Exit 0 when a project was written (even with elements left out), 2 when the
 * source could not be read.
 */
@Command(
    name = "ssis",
    mixinStandardHelpOptions = true,
    description = {
      "Import SSIS packages into a new Sluice project folder: one package (.dtsx), an SSIS"
          + " project folder or its .dtproj, or an .ispac archive.",
      "The folder gets project.yaml, packages/ and IMPORT.md: what was converted, what became a"
          + " placeholder task that fails if reached, what was left out, and what to do.",
      "Exits 0 when a project was written, 2 when the source could not be read."
    })
public final class ImportSsisCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "SOURCE",
      description =
          "An SSIS package (.dtsx), an SSIS project folder or its .dtproj, or an .ispac archive.")
  Path source;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DIR",
      description = "The project folder to create; it must not exist or be empty.")
  Path target;

  @Option(names = "--json", description = "Print the import report as JSON.")
  boolean json;

  @Option(
      names = "--sql-dialect",
      paramLabel = "DIALECT",
      description =
          "postgresql: rewrite the safe, common T-SQL of the package's statements for PostgreSQL"
              + " (brackets, TOP, GETDATE(), ISNULL, ...) and list every rewrite in IMPORT.md;"
              + " without it, SQL is kept as written (and checked when its connection is"
              + " PostgreSQL).")
  String sqlDialect;

  /** The answer printed with --json. */
  public record Imported(String folder, boolean valid, ImportReport report) {}

  @Override
  public Integer call() {
    if (!Files.exists(source)) {
      throw new UsageException(
          source + ": no such file or folder",
          "give an SSIS package (.dtsx), an SSIS project folder or its .dtproj, or an .ispac");
    }
    ImportedProject imported =
        InMemoryImport.importSource(source, InMemoryImport.options(sqlDialect));
    String invalid = null;
    try {
      ProjectParser.parse(imported.files());
    } catch (ProjectFormatException e) {
      invalid = e.getMessage();
    }
    try {
      imported.files().writeTo(target, false);
    } catch (ProjectFormatException e) {
      // the folder is a file or holds files: said as the writer says it, with its hint
      throw new UsageException(e.problems().get(0).toString(), e.hint());
    }
    ImportReport report = imported.result().report();
    if (json) {
      new Output(System.out, true)
          .printJson(new Imported(target.toString(), invalid == null, report));
    } else {
      System.out.println(
          "imported "
              + source.getFileName()
              + " into "
              + target
              + ": "
              + ImportedProject.counts(report));
      long rewrites =
          report.entries().stream()
              .filter(e -> e.kind() == ImportEntry.ElementKind.SQL)
              .filter(e -> e.outcome() == ImportEntry.Outcome.CONVERTED && e.todo() == null)
              .count();
      long refused =
          report.entries().stream()
              .filter(e -> e.kind() == ImportEntry.ElementKind.SQL)
              .filter(e -> e.outcome() != ImportEntry.Outcome.CONVERTED)
              .count();
      if (rewrites + refused > 0) {
        System.out.printf(
            Locale.ROOT,
            "SQL for PostgreSQL: %d kind%s of construct rewritten, %d kept as written that"
                + " PostgreSQL refuses%n",
            rewrites,
            rewrites == 1 ? "" : "s",
            refused);
      }
      System.out.println("see " + target.resolve("IMPORT.md") + " for what needs attention");
    }
    if (invalid != null) {
      System.err.println(
          "error: the imported project does not validate, which is a fault of the importer: "
              + invalid);
      System.err.println(
          "hint: the files are written; fix them by hand, and please report the package's"
              + " problem");
      return 1;
    }
    return 0;
  }
}
