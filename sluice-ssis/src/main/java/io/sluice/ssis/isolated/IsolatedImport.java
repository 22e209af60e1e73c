package io.sluice.ssis.isolated;

import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectFormatException;
import io.sluice.engine.project.ProjectParser;
import io.sluice.ssis.ImportOptions;
import io.sluice.ssis.ImportedProject;
import io.sluice.ssis.SsisImportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The process a master starts to turn an uploaded .ispac into the Sluice project archive it
 * deploys, so that SSIS's XML (the importer's hostile-input surface) is never parsed in the process
 * that holds the catalog's credentials and key (docs/architecture.md). It reads the .ispac on
 * stdin, writes the .spac (deploy notes included) on stdout and exits 0; input that is not an SSIS
 * project exits 2 with the problem on stderr's first line and the hint on its second; anything else
 * is a crash (exit 1). It is given no environment of Sluice's and no file but its temp one.
 *
 * <p>Arguments: the upload's name for the report (e.g. {@code Sales.ispac}) and the most bytes to
 * read.
 */
public final class IsolatedImport {

  /** Exit code of input that is not an SSIS project (stderr: problem, then hint). */
  public static final int BAD_INPUT = 2;

  private IsolatedImport() {}

  public static void main(String[] args) throws IOException {
    String name = args.length > 0 ? args[0] : "upload.ispac";
    long maxBytes = args.length > 1 ? Long.parseLong(args[1]) : ProjectFiles.MAX_ARCHIVE_BYTES;
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    Path dir =
        Files.createTempDirectory(
            "sluice-import-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    try {
      Path ispac = dir.resolve(safeName(name));
      byte[] archive;
      try {
        copy(System.in, ispac, maxBytes);
        ProjectFiles files =
            ImportedProject.of(ispac, name, ImportOptions.DEFAULT).withDeployNotes();
        ProjectParser.parse(files);
        archive = files.toArchive();
      } catch (SsisImportException e) {
        refuse(err, e.problem(), e.hint());
        return;
      } catch (TooLarge e) {
        refuse(err, e.getMessage(), "upload at most " + maxBytes + " bytes");
        return;
      } catch (ProjectFormatException e) {
        refuse(
            err,
            "the project imported from " + name + " is not valid: " + e.getMessage(),
            "import it with sluice import ssis, fix the files it names and deploy the folder");
        return;
      }
      OutputStream out = System.out;
      out.write(archive);
      out.flush();
    } finally {
      deleteAll(dir);
    }
  }

  private static void refuse(PrintStream err, String problem, String hint) {
    err.println(problem.replace('\n', ' '));
    err.println(hint == null ? "" : hint.replace('\n', ' '));
    err.flush();
    System.exit(BAD_INPUT);
  }

  /** The upload's own file name, so the import's messages name it; nothing of its path. */
  static String safeName(String name) {
    String base = name.replaceAll(".*[/\\\\]", "").replaceAll("[^A-Za-z0-9._ -]", "_");
    if (!base.toLowerCase(java.util.Locale.ROOT).endsWith(".ispac")) {
      base = base + ".ispac";
    }
    return base.startsWith(".") ? "upload" + base : base;
  }

  private static void copy(InputStream in, Path to, long maxBytes) throws IOException {
    try (OutputStream out = Files.newOutputStream(to)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > maxBytes) {
          throw new TooLarge("the .ispac is larger than " + maxBytes + " bytes");
        }
        out.write(buffer, 0, n);
      }
    }
  }

  private static void deleteAll(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static final class TooLarge extends IOException {
    TooLarge(String message) {
      super(message);
    }
  }
}
