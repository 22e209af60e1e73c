package io.sluice.cli.workers;

import io.sluice.cli.common.Output;
import io.sluice.master.management.WorkerChanges;
import io.sluice.master.management.WorkerManagement;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice workers}: Scale Out Manager's worker list as commands, on the catalog directly or
 * through a master's management API ({@code --master URL}).
 */
@Command(
    name = "workers",
    mixinStandardHelpOptions = true,
    description = "List, enable, disable, describe and remove Scale Out workers.",
    subcommands = {
      WorkersCommand.ListWorkers.class,
      WorkersCommand.ShowWorker.class,
      WorkersCommand.EnableWorker.class,
      WorkersCommand.DisableWorker.class,
      WorkersCommand.SetWorker.class,
      WorkersCommand.RemoveWorker.class
    })
public final class WorkersCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code sluice workers list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the workers.")
  public static final class ListWorkers extends WorkerCommandBase {
    @Override
    protected int run(WorkerManagement workers, Output out) {
      printTable(workers.list(), out);
      return 0;
    }
  }

  /** {@code sluice workers show ID}. */
  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one worker.")
  public static final class ShowWorker extends OneWorkerCommand {
    @Override
    protected int run(WorkerManagement workers, Output out) {
      printOne(workers.get(worker), out);
      return 0;
    }
  }

  /** {@code sluice workers enable ID}. */
  @Command(
      name = "enable",
      mixinStandardHelpOptions = true,
      description = "Enable a worker: it takes tasks from now on.")
  public static final class EnableWorker extends OneWorkerCommand {
    @Override
    protected int run(WorkerManagement workers, Output out) {
      var w = workers.enable(worker);
      out.done("Enabled worker " + w.workerAgentId() + " (" + Output.name(label(w)) + ").", w);
      return 0;
    }
  }

  /** {@code sluice workers disable ID}. */
  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Disable a worker: it gets no new task and finishes what it runs.")
  public static final class DisableWorker extends OneWorkerCommand {
    @Override
    protected int run(WorkerManagement workers, Output out) {
      var w = workers.disable(worker);
      out.done(
          "Disabled worker "
              + w.workerAgentId()
              + " ("
              + Output.name(label(w))
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
  public static final class SetWorker extends OneWorkerCommand {
    @Option(names = "--display-name", description = "The name shown in worker lists.")
    String displayName;

    @Option(names = "--description", description = "Free text about the worker.")
    String description;

    @Option(
        names = "--tags",
        split = ",",
        description = "Comma-separated tags; replaces the current ones (--tags '' clears them).")
    List<String> tags;

    @Override
    protected int run(WorkerManagement workers, Output out) {
      List<String> newTags = tags == null ? null : tags.stream().filter(t -> !t.isBlank()).toList();
      var w = workers.set(worker, new WorkerChanges(displayName, description, newTags));
      out.done("Changed worker " + w.workerAgentId() + " (" + Output.name(label(w)) + ").", w);
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
  public static final class RemoveWorker extends OneWorkerCommand {
    @Override
    protected int run(WorkerManagement workers, Output out) {
      var w = workers.remove(worker);
      out.done(
          "Removed worker "
              + w.workerAgentId()
              + " ("
              + Output.name(label(w))
              + "); to bring the machine back, issue it a new certificate.",
          w);
      return 0;
    }
  }
}
