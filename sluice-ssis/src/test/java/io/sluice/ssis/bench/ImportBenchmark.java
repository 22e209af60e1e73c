package io.sluice.ssis.bench;

import io.sluice.engine.project.ProjectFormatException;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.project.ProjectWriter;
import io.sluice.ssis.ImportResult;
import io.sluice.ssis.SsisImportException;
import io.sluice.ssis.SsisImporter;
import io.sluice.ssis.report.Coverage;
import io.sluice.ssis.report.ImportEntry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * bench/import: imports every .dtsx under the folders given and ends with one line {@code RESULT
 * packages=N imported=M elements=E converted=C coverage_pct=P tasks_pct=T components_pct=K}
 * (docs/benchmarks.md, "SSIS import coverage").
 *
 * <p>The packages of one folder are imported together, as one project (an SSIS project folder is
 * one folder of .dtsx files with its Project.params and .conmgr files), so an Execute Package task
 * finds its child. If that import fails, each package of the folder is imported alone, so one bad
 * file does not hide the others. A package counts as imported when its import gave a project that
 * the engine's parser accepts, as {@code sluice project validate} would. Before the RESULT line it
 * prints the packages that did not import and the elements not converted, by SSIS type.
 */
public final class ImportBenchmark {

  /** The figures of one run. */
  public record Result(int packages, int imported, Coverage coverage) {

    public String line() {
      return String.format(
          Locale.ROOT,
          "RESULT packages=%d imported=%d elements=%d converted=%d coverage_pct=%s tasks_pct=%s"
              + " components_pct=%s",
          packages,
          imported,
          coverage.elements(),
          coverage.converted(),
          Coverage.format(coverage.coveragePct()),
          Coverage.format(coverage.tasksPct()),
          Coverage.format(coverage.componentsPct()));
    }
  }

  private ImportBenchmark() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: ImportBenchmark DIR...");
      System.exit(2);
    }
    List<Path> dirs = Stream.of(args).map(Path::of).toList();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        System.err.println("error: " + dir + ": no such folder");
        System.err.println("hint: give folders that hold .dtsx files");
        System.exit(2);
      }
    }
    Result result = run(dirs, System.out);
    System.out.println(result.line());
  }

  public static Result run(List<Path> dirs, PrintStream out) {
    Map<Path, List<Path>> folders = new TreeMap<>();
    for (Path dir : dirs) {
      for (Path dtsx : packagesUnder(dir)) {
        folders.computeIfAbsent(dtsx.getParent(), k -> new ArrayList<>()).add(dtsx);
      }
    }
    int packages = 0;
    int imported = 0;
    List<ImportEntry> entries = new ArrayList<>();
    for (Map.Entry<Path, List<Path>> folder : folders.entrySet()) {
      List<Path> files = folder.getValue();
      packages += files.size();
      String name = folder.getKey().getFileName().toString();
      try {
        imported += take(SsisImporter.importPackages(name, files, name), files.size(), entries);
      } catch (RuntimeException e) {
        for (Path file : files) { // one at a time, so a bad file does not hide the others
          try {
            imported += take(SsisImporter.importPackage(file), 1, entries);
          } catch (SsisImportException | ProjectFormatException alone) {
            out.println("not imported: " + file + ": " + alone.getMessage());
          } catch (RuntimeException fault) { // the importer's fault: counted, said, not hidden
            out.println("not imported (importer fault): " + file + ": " + fault);
          }
        }
      }
    }
    Coverage coverage = Coverage.of(entries);
    out.println("elements not converted, by kind and SSIS type:");
    Coverage.unconverted(entries)
        .forEach((type, count) -> out.printf(Locale.ROOT, "  %5d  %s%n", count, type));
    return new Result(packages, imported, coverage);
  }

  /**
   * Counts an import whose written project validates: its packages and its report's entries. One
   * that does not validate throws, as validate would; its elements are then not counted at all.
   */
  private static int take(ImportResult result, int files, List<ImportEntry> entries) {
    ProjectParser.parse(ProjectWriter.write(result.project())); // throws what validate would say
    entries.addAll(result.report().entries());
    return files;
  }

  private static List<Path> packagesUnder(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dtsx"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
