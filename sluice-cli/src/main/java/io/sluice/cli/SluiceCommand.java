package io.sluice.cli;

import io.sluice.cli.catalog.CatalogCommand;
import io.sluice.cli.catalog.ExecuteCommand;
import io.sluice.cli.catalog.MessagesCommand;
import io.sluice.cli.catalog.execution.ListExecutionsCommand;
import io.sluice.cli.catalog.execution.StopExecutionCommand;
import io.sluice.cli.cert.CertCommand;
import io.sluice.cli.common.ErrorHandler;
import io.sluice.cli.demo.DemoCommand;
import io.sluice.cli.imports.ImportCommand;
import io.sluice.cli.master.MasterCommand;
import io.sluice.cli.project.ProjectCommand;
import io.sluice.cli.run.RunCommand;
import io.sluice.cli.sandbox.SandboxCommand;
import io.sluice.cli.tokens.TokensCommand;
import io.sluice.cli.worker.WorkerCommand;
import io.sluice.cli.workers.WorkersCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code sluice} command: the root of every sub-command. */
@Command(
    name = "sluice",
    mixinStandardHelpOptions = true,
    versionProvider = SluiceVersion.class,
    description = "Sluice: SSIS Scale Out for Linux and the JVM.",
    subcommands = {
      DemoCommand.class,
      CatalogCommand.class,
      ProjectCommand.class,
      ImportCommand.class,
      RunCommand.class,
      ExecuteCommand.class,
      CertCommand.class,
      MasterCommand.class,
      WorkerCommand.class,
      WorkersCommand.class,
      TokensCommand.class,
      SandboxCommand.class
    })
public final class SluiceCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The configured command line, also used by tests to run commands in-process. */
  public static CommandLine commandLine() {
    CommandLine line = new CommandLine(new SluiceCommand());
    // Scale Out Manager's everyday views, one word away (same commands as under `sluice catalog`).
    // under their own names, so their help says "Usage: sluice executions", not "sluice list"
    line.addSubcommand(
        "executions", new CommandLine(new ListExecutionsCommand()).setCommandName("executions"));
    line.addSubcommand("stop", new StopExecutionCommand());
    line.addSubcommand("messages", new MessagesCommand());
    return line.setExecutionStrategy(SluiceCommand::refuseUnknownWords)
        .setExecutionExceptionHandler(new ErrorHandler())
        .setParameterExceptionHandler(SluiceCommand::usageError)
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  /**
   * A wrong option or argument: one error line and where the help is, as for every other refusal,
   * not the whole usage text (which buries the one line that matters).
   */
  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("error: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println(
        "hint: "
            + command.getCommandSpec().qualifiedName()
            + " --help shows its options and arguments");
    return ErrorHandler.BAD_INPUT;
  }

  /**
   * {@code sluice NOSUCHCOMMAND --help}: picocli lets a help request pass over words it does not
   * know, and printed the root help with exit 0, as if the command existed. A word no command takes
   * is refused first, with the nearest command suggested (exit 2), help or not.
   */
  private static int refuseUnknownWords(ParseResult parsed) {
    ParseResult last = parsed;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    if (!last.unmatched().isEmpty()) {
      throw new UnmatchedArgumentException(last.commandSpec().commandLine(), last.unmatched());
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
