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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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
    reflowDescriptions(line);
    return line.setExecutionStrategy(SluiceCommand::refuseUnknownWords)
        .setExecutionExceptionHandler(new ErrorHandler())
        .setParameterExceptionHandler(SluiceCommand::usageError)
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  /**
   * Makes each paragraph of a command's description one element, so that the help wraps it at its
   * width as a whole. The sources break long descriptions into lines of about 95 characters, and
   * picocli prints each element as a line of its own, wrapping it again at 80: "It prints the JDBC"
   * / "URL, user and password ... (--once: exits at" / "once)." The first element stays alone: it
   * is the summary the parent's command list shows. Blank and indented lines (examples) are kept,
   * and "Examples:" and "Exit codes:" start paragraphs of their own.
   */
  private static final Pattern OWN_PARAGRAPH = Pattern.compile("(Examples?|Exit codes):");

  static void reflowDescriptions(CommandLine command) {
    String[] lines = command.getCommandSpec().usageMessage().description();
    List<String> flowed = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      boolean continues =
          i > 1
              && !line.isBlank()
              && !Character.isWhitespace(line.charAt(0))
              && !OWN_PARAGRAPH.matcher(line).lookingAt();
      String last = continues ? flowed.get(flowed.size() - 1) : "";
      if (continues && !last.isBlank() && !Character.isWhitespace(last.charAt(0))) {
        flowed.set(flowed.size() - 1, last + " " + line.strip());
      } else {
        flowed.add(line);
      }
    }
    command.getCommandSpec().usageMessage().description(flowed.toArray(String[]::new));
    command.getSubcommands().values().forEach(SluiceCommand::reflowDescriptions);
  }

  /**
   * A wrong option or argument: one error line and where the help is, as for every other refusal,
   * not the whole usage text (which buries the one line that matters).
   */
  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    String unknownCommand = unknownCommand(e);
    if (unknownCommand != null) {
      // picocli's "Unmatched argument at index 0" does not say that a command was expected
      err.println("error: '" + unknownCommand + "' is not a " + name + " command");
      UnmatchedArgumentException.printSuggestions(e, err);
      err.println("hint: " + name + " --help lists its commands");
      return ErrorHandler.BAD_INPUT;
    }
    err.println("error: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("hint: " + name + " --help shows its options and arguments");
    return ErrorHandler.BAD_INPUT;
  }

  /**
   * The word given where a command of subcommands expects one of them, or null: {@code NOSUCH} in
   * {@code sluice NOSUCH} or {@code sluice catalog NOSUCH}.
   */
  private static String unknownCommand(ParameterException e) {
    if (!(e instanceof UnmatchedArgumentException unmatched)
        || e.getCommandLine().getSubcommands().isEmpty()
        || unmatched.getUnmatched().isEmpty()) {
      return null;
    }
    String word = unmatched.getUnmatched().get(0);
    boolean commandExpected = e.getCommandLine().getCommandSpec().positionalParameters().isEmpty();
    return commandExpected && !word.startsWith("-") ? word : null;
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
