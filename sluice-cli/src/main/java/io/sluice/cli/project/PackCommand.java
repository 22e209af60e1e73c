package io.sluice.cli.project;

import io.sluice.cli.common.Output;
import io.sluice.cli.common.UsageException;
import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectArchive;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice project pack}: validates a project folder and writes it as one {@code .spac}
 * archive (SSIS's .ispac), the file {@code sluice catalog deploy} takes.
 */
@Command(
    name = "pack",
    mixinStandardHelpOptions = true,
    description = {
      "Validate a project folder and pack it into a single-file archive (NAME.spac).",
      "A broken project prints every problem as file:line:column and exits with 2."
    })
public final class PackCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "The project folder (with project.yaml).")
  Path folder;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Where to write the archive; a folder means NAME.spac inside it."
              + " Default: NAME.spac in the current folder, NAME being the project name.")
  Path output;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  /** What was packed, as printed with --json. */
  public record Packed(
      String project, String file, long bytes, String sha256, List<String> packages) {}

  @Override
  public Integer call() {
    if (!Files.isDirectory(folder)) {
      throw new UsageException(
          folder + " is not a folder",
          "give the project folder, the one holding project.yaml and packages/");
    }
    ProjectFiles files = ProjectFiles.fromDirectory(folder);
    Project project = ProjectParser.parse(files);
    byte[] archive = files.toArchive();
    Path target = target(project.name());
    write(target, archive);

    List<String> packages = project.packages().stream().map(PackageDefinition::name).toList();
    Packed packed =
        new Packed(
            project.name(),
            target.toString(),
            archive.length,
            ProjectArchive.sha256(archive),
            packages);
    Output out = new Output(System.out, json);
    if (json) {
      out.printJson(packed);
    } else {
      System.out.println("packed project " + project.name() + " into " + target);
      out.object(
          packed,
          List.of(
              new String[] {"size", String.format("%,d bytes", archive.length)},
              new String[] {"sha256", packed.sha256()},
              new String[] {"packages", packageList(project)}));
    }
    return 0;
  }

  private Path target(String projectName) {
    String fileName = safeFileName(projectName) + ProjectArchive.EXTENSION;
    if (output == null) {
      return Path.of(fileName).toAbsolutePath().normalize();
    }
    if (Files.isDirectory(output)) {
      return output.resolve(fileName).toAbsolutePath().normalize();
    }
    return output.toAbsolutePath().normalize();
  }

  /** Writes beside the target first, so an interrupted pack never leaves half an archive. */
  private static void write(Path target, byte[] archive) {
    try {
      Path parent = target.getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new UsageException(
            "cannot write " + target + ": folder " + parent + " does not exist",
            "create the folder, or give another --output");
      }
      // Not createTempFile: its owner-only permissions would stay on the archive.
      Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
      try {
        Files.write(partial, archive);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** A project name may hold characters a file name cannot (/ \ : * ?); they become '_'. */
  static String safeFileName(String projectName) {
    return projectName.replaceAll("[/\\\\:*?\\s]", "_");
  }

  static String packageList(Project project) {
    StringBuilder text = new StringBuilder();
    for (PackageDefinition p : project.packages()) {
      if (!text.isEmpty()) {
        text.append(", ");
      }
      text.append(p.name());
      if (p.entryPoint()) {
        text.append(" (entry point)");
      }
    }
    return text.toString();
  }
}
