package io.sluice.cli.catalog;

import io.sluice.catalog.database.CatalogLocation;
import io.sluice.cli.SluiceCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code sluice} commands in-process against one catalog, capturing exit code and output. */
public final class CliRun {

  public record Result(int exitCode, String out, String err) {}

  private final CatalogLocation location;
  private final Path keyFile;

  CliRun(CatalogLocation location, Path keyFile) {
    this.location = location;
    this.keyFile = keyFile;
  }

  /** {@code sluice catalog <args>} with the catalog options appended. */
  Result catalog(String... args) {
    List<String> all = new ArrayList<>();
    all.add("catalog");
    all.addAll(Arrays.asList(args));
    return onCatalog(all.toArray(String[]::new));
  }

  /** {@code sluice <args>} with the catalog options appended (e.g. {@code master status}). */
  Result onCatalog(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(
        List.of(
            "--catalog-url",
            location.jdbcUrl(),
            "--catalog-user",
            location.user(),
            "--catalog-key-file",
            keyFile.toString()));
    return run(all.toArray(String[]::new));
  }

  /** {@code sluice <args>} exactly as given. */
  public static Result run(String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream errStream = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errStream, true, StandardCharsets.UTF_8));
      CommandLine cmd = SluiceCommand.commandLine();
      cmd.setErr(new PrintWriter(err, true));
      int code = cmd.execute(args);
      return new Result(
          code,
          out.toString(StandardCharsets.UTF_8),
          err + errStream.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }
}
