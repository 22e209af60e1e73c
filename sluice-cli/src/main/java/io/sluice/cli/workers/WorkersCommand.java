package io.sluice.cli.workers;

import picocli.CommandLine.Command;

/**
 * {@code sluice workers}: Scale Out Manager's worker list as commands, on the catalog directly. (A
 * {@code --master URL} mode through the management API is still to come.)
 */
@Command(
    name = "workers",
    mixinStandardHelpOptions = true,
    description = "List, enable, disable, describe and remove Scale Out workers.",
    subcommands = {
      WorkersCommand.List.class,
      WorkersCommand.Show.class,
      WorkersCommand.Enable.class,
      WorkersCommand.Disable.class,
      WorkersCommand.Set.class,
      WorkersCommand.Remove.class
    })
public final class WorkersCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code sluice workers list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the workers.")
  public static final class List extends WorkerCommandBase {
    @Override
    protected int run(
        io.sluice.master.management.WorkerAgents workers, io.sluice.cli.common.Output out) {
      printTable(workers.list(), out);
      return 0;
    }
  }

  /** {@code sluice workers show ID}. */
  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one worker.")
  public static final class Show extends OneWorkerCommand {
    @Override
    protected int run(
        io.sluice.master.management.WorkerAgents workers, io.sluice.cli.common.Output out) {
      printOne(workers.get(worker), out);
      return 0;
    }
  }

  /** {@code sluice workers enable ID}. */
  @Command(
      name = "enable",
      mixinStandardHelpOptions = true,
      description = "Enable a worker: it takes tasks from now on.")
  public static final class Enable extends OneWorkerCommand {
    @Override
    protected int run(
        io.sluice.master.management.WorkerAgents workers, io.sluice.cli.common.Output out) {
      var w = workers.enable(worker);
      out.done("Enabled worker " + w.workerAgentId() + " (" + label(w) + ").", w);
      return 0;
    }
  }

  /** {@code sluice workers disable ID}. */
  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Disable a worker: it gets no new task and finishes what it runs.")
  public static final class Disable extends OneWorkerCommand {
    @Override
    protected int run(
        io.sluice.master.management.WorkerAgents workers, io.sluice.cli.common.Output out) {
      var w = workers.disable(worker);
      out.done(
          "Disabled worker "
              + w.workerAgentId()
              + " ("
              + label(w)
              + "); it finishes its "
              + w.runningTasks()
              + " running task(s).",
          w);
      return 0;
    }
  }

  /** {@code sluice workers set ID --display-name --description --tags}. */
  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = "Change a worker's display name, description or tags.")
  public static final class Set extends OneWorkerCommand {
    @picocli.CommandLine.Option(names = "--display-name")
    String displayName;

    @picocli.CommandLine.Option(names = "--description")
    String description;

    @picocli.CommandLine.Option(
        names = "--tags",
        split = ",",
        description = "Comma-separated tags; replaces the current ones (--tags '' clears them).")
    java.util.List<String> tags;

    @Override
    protected int run(
        io.sluice.master.management.WorkerAgents workers, io.sluice.cli.common.Output out) {
      java.util.List<String> newTags =
          tags == null ? null : tags.stream().filter(t -> !t.isBlank()).toList();
      var w =
          workers.set(
              worker,
              new io.sluice.master.management.WorkerChanges(displayName, description, newTags));
      out.done("Changed worker " + w.workerAgentId() + " (" + label(w) + ").", w);
      return 0;
    }
  }

  /** {@code sluice workers remove ID}. */
  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description =
          "Remove a worker: its certificate is refused from now on and its running executions"
              + " are stopped.")
  public static final class Remove extends OneWorkerCommand {
    @Override
    protected int run(
        io.sluice.master.management.WorkerAgents workers, io.sluice.cli.common.Output out) {
      var w = workers.remove(worker);
      out.done(
          "Removed worker "
              + w.workerAgentId()
              + " ("
              + label(w)
              + "); to bring the machine back, issue it a new certificate.",
          w);
      return 0;
    }
  }
}
