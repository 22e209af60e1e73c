package io.sluice.cli.imports;

import io.sluice.cli.common.Output;
import io.sluice.cli.common.UsageException;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectFormatException;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.project.ProjectWriter;
import io.sluice.ssis.ImportOptions;
import io.sluice.ssis.ImportOptions.SqlDialect;
import io.sluice.ssis.ImportResult;
import io.sluice.ssis.SsisImportException;
import io.sluice.ssis.SsisImporter;
import io.sluice.ssis.report.ImportEntry;
import io.sluice.ssis.report.ImportReport;
import io.sluice.ssis.report.ImportReportMarkdown;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice import ssis SOURCE --to DIR}: converts an SSIS package into a Sluice project
 * folder, with IMPORT.md, the report of what was not converted. Exit 0 when a project was written
 * (even with elements left out), 2 when the source could not be read.
 */
@Command(
    name = "ssis",
    mixinStandardHelpOptions = true,
    description = {
      "Import an SSIS package (.dtsx) into a new Sluice project folder.",
      "The folder gets project.yaml, packages/ and IMPORT.md: what was converted, what became a"
          + " placeholder task that fails if reached, what was left out, and what to do.",
      "Exits 0 when a project was written, 2 when the package could not be read."
    })
public final class ImportSsisCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SOURCE", description = "An SSIS package file (.dtsx).")
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
    if (!Files.isRegularFile(source)) {
      throw new UsageException(
          source + ": no such file",
          "give an SSIS package file (.dtsx); project folders and .ispac archives come later");
    }
    if (!source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dtsx")) {
      throw new UsageException(
          source + ": is not a .dtsx file",
          "give an SSIS package file (.dtsx); project folders and .ispac archives come later");
    }
    ImportOptions options = new ImportOptions(dialect(sqlDialect));
    ImportResult result;
    try {
      result = SsisImporter.importPackage(source, options);
    } catch (SsisImportException e) {
      throw new UsageException(e.getMessage(), e.hint());
    }
    ProjectFiles project = ProjectWriter.write(result.project());
    String invalid = null;
    try {
      ProjectParser.parse(project);
    } catch (ProjectFormatException e) {
      invalid = e.getMessage();
    }
    // IMPORT.md travels with the project (a project folder may hold any other file).
    Map<String, byte[]> files = new LinkedHashMap<>(project.all());
    files.put(
        "IMPORT.md", ImportReportMarkdown.render(result.report()).getBytes(StandardCharsets.UTF_8));
    try {
      ProjectFiles.of(files).writeTo(target, false);
    } catch (ProjectFormatException e) {
      // the folder is a file or holds files: said as the writer says it, with its hint
      throw new UsageException(e.problems().get(0).toString(), e.hint());
    }
    ImportReport report = result.report();
    if (json) {
      new Output(System.out, true)
          .printJson(new Imported(target.toString(), invalid == null, report));
    } else {
      long placeholders =
          report.entries().stream()
              .filter(e -> e.outcome() == ImportEntry.Outcome.PLACEHOLDER)
              .count();
      long leftOut =
          report.entries().stream()
              .filter(e -> e.kind().counted() && e.outcome() == ImportEntry.Outcome.LEFT_OUT)
              .count();
      System.out.printf(
          Locale.ROOT,
          "imported %s into %s: %d of %d elements converted, %d placeholder task%s, %d left out%n",
          source.getFileName(),
          target,
          report.converted(),
          report.elements(),
          placeholders,
          placeholders == 1 ? "" : "s",
          leftOut);
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

  private static SqlDialect dialect(String name) {
    if (name == null) {
      return SqlDialect.AS_WRITTEN;
    }
    if (name.equalsIgnoreCase("postgresql") || name.equalsIgnoreCase("postgres")) {
      return SqlDialect.POSTGRESQL;
    }
    throw new UsageException(
        "--sql-dialect " + name + ": unknown SQL dialect",
        "give --sql-dialect postgresql, or leave the option out to keep the SQL as written");
  }
}
