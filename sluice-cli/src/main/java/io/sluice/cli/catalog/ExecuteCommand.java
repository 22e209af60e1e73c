package io.sluice.cli.catalog;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.message.EventMessage;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.parameter.ParameterInfo;
import io.sluice.cli.catalog.execution.EnvironmentChoice;
import io.sluice.cli.catalog.execution.ExecutionParameterName;
import io.sluice.cli.catalog.execution.WaitNotes;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.ErrorHandler;
import io.sluice.cli.common.Interruption;
import io.sluice.cli.common.Output;
import io.sluice.cli.common.StdinValue;
import io.sluice.cli.common.UsageException;
import io.sluice.cli.run.OverrideArguments;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.PropertyOverride;
import io.sluice.engine.runtime.CancellationToken;
import io.sluice.master.management.MasterNodes;
import io.sluice.master.serverexecution.ServerExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sluice execute} (also {@code sluice catalog execute}): creates and starts an execution of
 * a deployed package. In server mode a running master takes it (and this command returns, or with
 * {@code --wait} follows it), else it runs in this process, storing its events, statistics and
 * status in the catalog; in scale out a master hands it to a worker, and {@code --wait} follows it
 * to the end. Through a master ({@code --master}) it runs in scale out unless {@code
 * --no-scale-out} asks for server mode, which the masters run (there is no catalog database here to
 * run it on); {@code --wait} follows it through the master's API.
 */
@Command(
    name = "execute",
    mixinStandardHelpOptions = true,
    description = {
      "Run a deployed package: on a running master or in this process (server mode), or on a Scale"
          + " Out worker (--scale-out).",
      "Exit codes: 0 succeeded (or started, in scale out without --wait), 1 failed or canceled,",
      "2 bad arguments."
    })
public final class ExecuteCommand extends CatalogCommandBase {

  @Mixin ProjectOptions project;

  @Option(names = "--package", required = true, description = "The entry-point package to run.")
  String packageName;

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description =
          "A parameter value for this execution; NAME, $Project::NAME or $Package::NAME. VALUE -"
              + " reads it from standard input, @FILE from a file (@@text is the value @text): a"
              + " secret typed on the command line is visible in the process list. Repeatable.")
  List<String> parameters = new ArrayList<>();

  @Option(
      names = "--connection",
      paramLabel = "NAME=VALUE",
      description =
          "dtexec /CONNECTION: the connection string of connection NAME for this execution (a"
              + " jdbc connection's JDBC URL, a flatFile or file connection's path), stored"
              + " encrypted. VALUE -, @FILE as for --param. Repeatable.")
  List<String> connections = new ArrayList<>();

  @Option(
      names = "--set",
      paramLabel = "PATH;VALUE",
      description =
          "dtexec /SET: a property override of this execution, e.g."
              + " '\\Package.Variables[User::Day].Value;5' (PATH=VALUE also works; a"
              + " $Sensitive:: prefix stores it encrypted). Repeatable.")
  List<String> sets = new ArrayList<>();

  @Option(
      names = "--environment",
      description =
          "Take parameter values from this environment, through the project's reference to it.")
  String environment;

  @Option(
      names = "--environment-folder",
      description = "Folder of --environment, when the project references two of that name.")
  String environmentFolder;

  @Option(
      names = "--logging-level",
      paramLabel = "N",
      description = "0 None, 1 Basic, 2 Performance, 3 Verbose (default: SERVER_LOGGING_LEVEL).")
  Integer loggingLevel;

  @Option(
      names = "--scale-out",
      negatable = true,
      description =
          "Run on a Scale Out worker (--no-scale-out: on a running master, else in this"
              + " process; through --master, on a master). Default: the catalog's"
              + " DEFAULT_EXECUTION_MODE (through --master: Scale Out).")
  Boolean scaleOut;

  @Option(
      names = "--worker",
      paramLabel = "WORKER",
      description =
          "Scale out: only this worker (id or display name, as sluice workers list shows) may run"
              + " it (repeatable). Default: any worker.")
  List<String> workers = new ArrayList<>();

  @Option(
      names = "--worker-tag",
      paramLabel = "TAG",
      split = ",",
      description =
          "Scale out: only a worker that has this tag may run it (repeatable or comma-separated;"
              + " all given tags must be on the worker).")
  List<String> workerTags = new ArrayList<>();

  @Option(
      names = "--retry",
      paramLabel = "N",
      defaultValue = "0",
      description = "Scale out: try a lost or failed run up to N more times (default: 0).")
  int retries;

  @Option(
      names = "--wait",
      description =
          "When a worker or a master runs it: follow its messages until it ends; exit with its"
              + " outcome.")
  boolean await;

  /** A master counts as online when it refreshed its row within this time (3 heartbeats). */
  private static final long MASTER_ONLINE_WITHIN_MILLIS = 30_000;

  private static final long MASTER_CLAIM_WAIT_MILLIS = 2_000;

  /** How long --wait keeps trying while the catalog is away (twice a master's default). */
  private static final Duration WAIT_THROUGH_FAILOVER = Duration.ofSeconds(60);

  /** Why a Scale Out execution waits, said while it does (made per run: tests swap stderr). */
  private WaitNotes notes;

  @Override
  protected int run(Catalog catalog, Output out) {
    notes = new WaitNotes(System.err);
    CreateExecution request = CreateExecution.of(project.folder, project.project, packageName);
    if (scaleOut != null) {
      request = request.inScaleOut(scaleOut);
    }
    boolean remote = access().direct().isEmpty();
    if (remote && scaleOut == null) {
      // Through a master the default stays Scale Out; --no-scale-out has a master run it.
      request = request.inScaleOut(true);
    }
    // Named workers are looked up (by id or name) before anything is created; the catalog names
    // them with the execution in one transaction, so an unknown or removed one leaves nothing.
    List<UUID> onlyOn =
        workers.stream().map(w -> access().workers().get(w).workerAgentId()).toList();
    if (!onlyOn.isEmpty()) {
      request = request.withWorkers(onlyOn);
      if (scaleOut == null) {
        request = request.inScaleOut(true); // with --no-scale-out the catalog refuses them
      }
    }
    if (!workerTags.isEmpty()) {
      request = request.withWorkerTags(workerTags);
      if (scaleOut == null) {
        request = request.inScaleOut(true);
      }
    }
    if (environment != null) {
      request =
          request.withReference(
              EnvironmentChoice.referenceId(
                  catalog, project.folder, project.project, environment, environmentFolder));
    }
    List<ParameterInfo> known = catalog.parameters().list(project.folder, project.project);
    // read before anything is created, so a missing file leaves no execution behind
    List<String> assignments = StdinValue.resolveAssignments(parameters, "--param");
    List<PropertyOverride> overrides = OverrideArguments.parse(connections, sets);
    long id = catalog.executions().create(request);
    try {
      for (String assignment : assignments) {
        setParameter(catalog, id, known, assignment);
      }
      for (PropertyOverride o : overrides) {
        catalog.executions().setPropertyOverride(id, o.path(), o.value(), o.sensitive());
      }
      if (loggingLevel != null) {
        catalog.executions().setParameterValue(id, 50, "LOGGING_LEVEL", loggingLevel.toString());
      }
    } catch (RuntimeException badValue) {
      catalog.executions().stop(id); // never leave an execution behind in status created
      throw badValue;
    }
    start(catalog, id);
    if (catalog.executions().get(id).runInScaleOut()) {
      return scaleOut(catalog, out, id);
    }
    if (takenByAMaster(catalog, id)) {
      return follow(catalog, out, id, "on a master");
    }
    if (remote) {
      // No catalog database here to run it on: it waits for a master with a free slot.
      return follow(
          catalog,
          out,
          id,
          "in server mode, pending until a master has a free slot (every master's"
              + " serverExecutions are busy, or 0)");
    }
    if (!out.json()) {
      System.out.println(
          "Execution "
              + id
              + ": "
              + project.folder
              + "/"
              + project.project
              + "/"
              + packageName
              + " running in this process...");
    }
    CatalogContext context =
        access().direct().orElseThrow(() -> new IllegalStateException("no catalog")).context();
    CancellationToken cancellation = new CancellationToken();
    OperationStatus status;
    try (Interruption ctrlC = Interruption.cancels(cancellation)) {
      status = new ServerExecutor(catalog, context).run(id, cancellation);
    }
    if (!status.isFinal()) {
      // A master claimed it between the look above and this process's own claim: it runs there.
      await = true;
      return follow(catalog, out, id, "on a master");
    }
    Execution done = catalog.executions().get(id);
    report(catalog, out, done);
    return status == OperationStatus.SUCCEEDED ? 0 : ErrorHandler.FAILED;
  }

  /**
   * Whether a running master took the started server-mode execution: when a master is online, it is
   * given {@value #MASTER_CLAIM_WAIT_MILLIS} ms (a master is woken at once and usually claims it in
   * milliseconds; one whose slots are all busy, or that runs none, does not).
   */
  private boolean takenByAMaster(Catalog catalog, long id) {
    // Through --master, the master answering is online.
    boolean masterOnline =
        access().direct().isEmpty()
            || new MasterNodes(access().direct().get().database().jdbi())
                .list(MASTER_ONLINE_WITHIN_MILLIS).stream().anyMatch(m -> m.online());
    if (!masterOnline) {
      return false;
    }
    long deadline = System.nanoTime() + MASTER_CLAIM_WAIT_MILLIS * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (catalog.executions().get(id).state() != OperationStatus.PENDING) {
        return true;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /**
   * A scale-out execution is queued for the workers; with --wait, follow it to its end. Why it
   * cannot run as it stands (its workers are disabled, no enabled worker has its tags, none has
   * been online) is said at once, and again while --wait waits.
   */
  private int scaleOut(Catalog catalog, Output out, long id) {
    notes.show(catalog.executions().warnings(id), Instant.now());
    return follow(catalog, out, id, "in scale out");
  }

  /** Prints where it runs; with --wait, follows its messages to its end. */
  private int follow(Catalog catalog, Output out, long id, String where) {
    if (!await) {
      out.done(
          "Execution " + id + " started " + where + "; follow it with: sluice messages " + id,
          catalog.executions().get(id));
      return 0;
    }
    if (!out.json()) {
      System.out.println("Execution " + id + " started " + where + "; waiting for it to end...");
    }
    // Waiting only reads, and the execution goes on without this process: ride through a catalog
    // failover as a master does, instead of failing while the package still runs.
    access().direct().ifPresent(s -> s.database().failover().retryFor(WAIT_THROUGH_FAILOVER));
    long lastMessage = 0;
    Execution current = catalog.executions().get(id);
    while (true) {
      boolean ended = current.state().isFinal();
      for (EventMessage m :
          catalog.messages().ofExecution(id, MessageQuery.all().after(lastMessage))) {
        lastMessage = Math.max(lastMessage, m.eventMessageId());
        if (!out.json()) {
          System.out.println("  " + MessageType.display(m.messageType()) + "  " + sourced(m));
        }
      }
      if (ended) {
        break;
      }
      if (current.runInScaleOut()
          && current.state() == OperationStatus.PENDING
          && notes.due(Instant.now())) {
        notes.show(catalog.executions().warnings(id), Instant.now());
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      current = catalog.executions().get(id);
    }
    report(catalog, out, current);
    return current.state() == OperationStatus.SUCCEEDED ? 0 : ErrorHandler.FAILED;
  }

  private void report(Catalog catalog, Output out, Execution done) {
    if (out.json()) {
      out.printJson(done);
      return;
    }
    List<EventMessage> errors =
        catalog
            .messages()
            .ofExecution(
                done.executionId(),
                MessageQuery.all().ofTypes(Set.of(MessageType.ERROR, MessageType.TASK_FAILED)));
    for (EventMessage error : errors) {
      System.out.println("  error: " + sourced(error));
    }
    Duration took =
        done.startTime() == null || done.endTime() == null
            ? Duration.ZERO
            : Duration.between(done.startTime(), done.endTime());
    System.out.printf(
        "Execution %d ended: %s in %.2f s. Messages: sluice catalog messages %d%n",
        done.executionId(), done.state().display(), took.toMillis() / 1000.0, done.executionId());
  }

  /**
   * "Source: message" for the terminal, or the message alone: the catalog's own messages (a lost
   * attempt, a retry, a master that stopped) have no source, which printed as "null: ...".
   */
  private static String sourced(EventMessage m) {
    String source = m.messageSourceName();
    return Output.terminal((source == null || source.isBlank() ? "" : source + ": ") + m.message());
  }

  private void setParameter(
      Catalog catalog, long id, List<ParameterInfo> known, String assignment) {
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw new UsageException(
          "--param " + assignment + " is not NAME=VALUE", "e.g. --param BatchSize=500");
    }
    ExecutionParameterName.Target target =
        ExecutionParameterName.resolve(assignment.substring(0, eq), null, known, packageName);
    catalog
        .executions()
        .setParameterValue(id, target.objectType(), target.name(), assignment.substring(eq + 1));
  }

  /**
   * Starts the execution; if it cannot start (a required parameter without value, say), cancels it
   * so that no execution stays behind in status created, and says how to give the values here.
   */
  private void start(Catalog catalog, long id) {
    try {
      catalog.executions().start(id, retries);
    } catch (CatalogException e) {
      catalog.executions().stop(id);
      throw new CatalogException(
          e.reason(),
          e.getMessage(),
          "give values with --param NAME=VALUE, or as server values (sluice catalog parameters"
              + " set), or through --environment; execution "
              + id
              + " was canceled");
    }
  }
}
