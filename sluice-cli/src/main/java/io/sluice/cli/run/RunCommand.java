package io.sluice.cli.run;

import io.sluice.cli.common.ErrorHandler;
import io.sluice.cli.common.Interruption;
import io.sluice.cli.common.StdinValue;
import io.sluice.cli.common.UsageException;
import io.sluice.cli.imports.SqlDialectOption;
import io.sluice.engine.event.ExecutableStatistic;
import io.sluice.engine.event.LoggingLevel;
import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.project.PropertyOverrideException;
import io.sluice.engine.project.PropertyOverrides;
import io.sluice.engine.runtime.CancellationToken;
import io.sluice.engine.runtime.PackageRunner;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.runtime.RunOptions;
import io.sluice.engine.runtime.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sluice run}: runs one package locally, like dtexec, and exits with its outcome. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a package locally: a project folder, a .spac archive, or a single package file; or an"
          + " SSIS package (.dtsx), project folder or .ispac, imported in memory first.",
      "Exit codes: 0 success, 1 failure or canceled, 2 bad package or arguments."
    })
public final class RunCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "PROJECT_DIR_OR_SPAC",
      description =
          "Project folder, .spac archive, or package .yaml file; or SSIS .dtsx, project folder,"
              + " .dtproj or .ispac.")
  Path target;

  @Option(
      names = "--package",
      paramLabel = "NAME",
      description = "The package to run (optional when the project has only one).")
  String packageName;

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description =
          "A parameter value; NAME, $Project::NAME or $Package::NAME. VALUE - reads it from"
              + " standard input, @FILE from a file (@@text is the value @text): a secret typed"
              + " on the command line is visible in the process list. Repeatable.")
  List<String> parameters = new ArrayList<>();

  @Option(
      names = "--connection",
      paramLabel = "NAME=VALUE",
      description =
          "dtexec /CONNECTION: the connection string of connection NAME for this run: a jdbc"
              + " connection's JDBC URL, a flatFile or file connection's path. VALUE -, @FILE as"
              + " for --param. Repeatable.")
  List<String> connections = new ArrayList<>();

  @Option(
      names = "--set",
      paramLabel = "PATH;VALUE",
      description =
          "dtexec /SET: a property of the package for this run, e.g."
              + " '\\Package.Variables[User::Day].Value;5' (PATH=VALUE also works; a"
              + " $Sensitive:: prefix masks the value). See docs/running-packages.md. Repeatable.")
  List<String> sets = new ArrayList<>();

  @Mixin SqlDialectOption sqlDialect;

  @Option(
      names = "--logging-level",
      paramLabel = "N",
      defaultValue = "1",
      description = "0 None, 1 Basic (default), 2 Performance, 3 Verbose.")
  int loggingLevel;

  @Override
  public Integer call() {
    LoggingLevel level;
    try {
      level = LoggingLevel.fromCode(loggingLevel);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), "e.g. --logging-level 3 for everything");
    }
    sqlDialect.requireSsis(target);
    ProjectFiles files =
        PackageSource.read(target, spec.commandLine().getErr(), sqlDialect.importOptions());
    Project project = ProjectParser.parse(files);
    PackageDefinition pkg = choosePackage(project);
    ParameterValues values =
        ParameterArguments.parse(
            project, pkg, StdinValue.resolveAssignments(parameters, "--param"));
    PropertyOverrides overrides = PropertyOverrides.of(OverrideArguments.parse(connections, sets));
    try {
      overrides.apply(project, pkg.name()); // refused here, before anything runs
    } catch (PropertyOverrideException e) {
      throw new UsageException(e.getMessage(), e.hint());
    }

    PrintWriter out = spec.commandLine().getOut();
    ConsoleProgress progress = new ConsoleProgress(out, ConsoleProgress.isTerminal());
    CancellationToken cancellation = new CancellationToken();
    RunOptions options =
        RunOptions.defaults().withLoggingLevel(level).withCancellation(cancellation);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon());
    ticker.scheduleAtFixedRate(progress::tick, 500, 500, TimeUnit.MILLISECONDS);
    RunResult result;
    try (Interruption ctrlC = Interruption.cancels(cancellation)) {
      result =
          new PackageRunner(project, files).run(pkg.name(), values, overrides, options, progress);
    } finally {
      ticker.shutdownNow();
      progress.finish();
    }
    summary(out, pkg, result, progress.statistics());
    if (!result.started()) {
      spec.commandLine()
          .getErr()
          .println(
              "error: package " + pkg.name() + " is not valid; nothing ran (see the errors above)");
      return ErrorHandler.BAD_INPUT;
    }
    return result.succeeded() ? 0 : ErrorHandler.FAILED;
  }

  private PackageDefinition choosePackage(Project project) {
    List<String> names = project.packages().stream().map(PackageDefinition::name).toList();
    if (packageName == null) {
      if (project.packages().size() == 1) {
        return project.packages().get(0);
      }
      throw new UsageException(
          "the project has " + names.size() + " packages; say which to run",
          "--package one of " + String.join(", ", names));
    }
    return project
        .findPackage(packageName)
        // SSIS users name packages by file: --package Load.dtsx runs the imported Load
        .or(() -> project.findPackage(packageName.replaceFirst("(?i)\\.dtsx$", "")))
        .orElseThrow(
            () ->
                new UsageException(
                    "package '" + packageName + "' is not in project " + project.name(),
                    "--package one of " + String.join(", ", names)));
  }

  private static void summary(
      PrintWriter out, PackageDefinition pkg, RunResult result, List<ExecutableStatistic> stats) {
    out.println();
    if (!stats.isEmpty()) {
      int width = stats.stream().mapToInt(s -> s.executablePath().length()).max().orElse(10);
      out.printf("%-" + width + "s  %-10s  %s%n", "EXECUTABLE", "RESULT", "DURATION");
      for (ExecutableStatistic s : stats) {
        out.printf(
            "%-" + width + "s  %-10s  %s%n",
            s.executablePath(),
            s.resultValue(),
            seconds(Duration.between(s.start(), s.end())));
      }
      out.println();
    }
    out.println(
        "Package "
            + pkg.name()
            + ": "
            + result.status()
            + " in "
            + seconds(result.duration())
            + " ("
            + result.errorCount()
            + " error(s))");
    out.flush();
  }

  private static String seconds(Duration d) {
    return String.format("%.2f s", d.toMillis() / 1000.0);
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "sluice-run-progress");
      t.setDaemon(true);
      return t;
    };
  }
}
