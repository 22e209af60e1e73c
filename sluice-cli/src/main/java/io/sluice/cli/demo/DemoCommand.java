package io.sluice.cli.demo;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.folder.Folder;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.project.DeployResult;
import io.sluice.cli.common.ErrorHandler;
import io.sluice.cli.common.LocalCatalogCommandBase;
import io.sluice.cli.common.Output;
import io.sluice.cli.common.UsageException;
import io.sluice.engine.project.ProjectArchive;
import io.sluice.master.management.ApiTokens;
import io.sluice.master.management.WorkerAgent;
import io.sluice.master.management.WorkerAgents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sluice demo}: the main job on the embedded default, with no configuration: the embedded
 * catalog, a master and two workers of this process talking mutual TLS, the example projects
 * deployed, and a batch of executions run across both workers.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      // the first line is the summary `sluice --help` lists: a whole sentence
      "Run Sluice Scale Out on this machine with no configuration.",
      "The embedded catalog, one master and two workers (certificates and worker files in",
      "~/.sluice/demo, or <data-dir>/demo with --data-dir or SLUICE_DATA_DIR), the examples",
      "deployed, a batch of executions run across both workers, then a table of what ran where. It",
      "stays up for the CLI until Ctrl-C; with --once it exits 0 only if every execution succeeded."
    })
public final class DemoCommand extends LocalCatalogCommandBase {

  @Option(
      names = "--folder",
      defaultValue = "demo",
      description = "Catalog folder to deploy into (default: ${DEFAULT-VALUE}).")
  String folder;

  @Option(
      names = "--examples",
      description = "Folder of example projects (default: examples/ next to the sluice launcher).")
  Path examples;

  @Option(
      names = "--demo-dir",
      description =
          "Where the demo keeps certificates and worker files (default: <data-dir>/demo when"
              + " --data-dir or SLUICE_DATA_DIR is given, else ~/.sluice/demo).")
  Path demoDir;

  @Option(
      names = "--executions",
      defaultValue = "8",
      description = "How many executions of the hello package to run (default: ${DEFAULT-VALUE}).")
  int executions;

  @Option(names = "--once", description = "Exit after the table instead of staying up.")
  boolean once;

  @Option(
      names = "--port",
      description =
          "The master's worker port (default: 8391, or any free port when 8391 is taken; a port"
              + " given here must be free).")
  Integer port;

  @Option(
      names = "--management-port",
      description =
          "The master's management port: health, metrics, API (default: 8392, or any free port"
              + " when it is taken; a port given here must be free).")
  Integer managementPort;

  @Override
  protected int run(Catalog catalog, Output out) {
    List<Path> projects = exampleProjects();
    System.out.println("Using " + session().whereCatalogIs() + ".");
    ensureFolder(catalog);
    System.out.println(
        "Deploying " + projects.size() + " example projects into folder '" + folder + "':");
    for (Path project : projects) {
      DeployResult deployed = catalog.projects().deploy(folder, ProjectArchive.fromPath(project));
      System.out.printf(
          "  %-16s version %d, %s, %s%n",
          deployed.project(),
          deployed.versionNumber(),
          count(deployed.packages().size(), "package"),
          count(deployed.parameterCount(), "parameter"));
    }
    // Beside the catalog by default (~/.sluice/catalog, ~/.sluice/demo); inside a data dir the
    // user chose, so that a demo in a folder of its own writes nothing into the home folder.
    Path dir =
        demoDir != null
            ? demoDir
            : catalogOptions
                .givenDataDir()
                .map(data -> data.resolve("demo"))
                .orElse(Path.of(System.getProperty("user.home"), ".sluice", "demo"));
    System.out.println();
    System.out.println(
        "Starting a master and two workers (certificates in " + dir.resolve("certs") + ")...");
    try (DemoCluster cluster =
        DemoCluster.start(
            dir,
            catalog,
            session().context(),
            List.of("worker-1", "worker-2"),
            DemoCluster.Ports.of(port, managementPort),
            System.out)) {
      System.out.printf(
          "  master on https://localhost:%d (workers, mutual TLS) and :%d (health, metrics, API)%n",
          cluster.workerPort(), cluster.managementPort());
      System.out.println("  worker-1 and worker-2 registered and enabled");
      System.out.printf(
          "  web console on https://localhost:%d/console/ (the browser warns about the demo's own"
              + " certificate); sign in with the demo token:%n    %s%n",
          cluster.managementPort(), demoToken(session().context().database().jdbi()));
      System.out.println();
      List<Long> ids = runBatch(catalog);
      System.out.println();
      printTable(catalog, ids, out);
      boolean allSucceeded =
          ids.stream()
              .allMatch(id -> catalog.executions().get(id).state() == OperationStatus.SUCCEEDED);
      if (once) {
        return allSucceeded ? 0 : ErrorHandler.FAILED;
      }
      System.out.println();
      System.out.println("The cluster stays up until Ctrl-C. In another terminal, try:");
      System.out.println("  ./sluice workers list");
      System.out.println(
          "  ./sluice catalog executions create --folder "
              + folder
              + " --project hello --package hello --scale-out   # then: executions start ID");
      System.out.println("  ./sluice catalog executions list --folder " + folder);
      System.out.println("  ./sluice catalog messages " + ids.get(0));
      System.out.println(
          "  curl -k https://localhost:" + cluster.managementPort() + "/health/ready");
      waitForCtrlC();
      return allSucceeded ? 0 : ErrorHandler.FAILED;
    }
  }

  static final String DEMO_TOKEN = "demo-console";

  /**
   * A new administrator token for the web console. A token is shown only when it is made, so each
   * demo replaces the last one's (which also ends the sessions signed in with it).
   */
  private static String demoToken(Jdbi jdbi) {
    ApiTokens tokens = new ApiTokens(jdbi);
    if (tokens.list().stream().anyMatch(token -> token.name().equals(DEMO_TOKEN))) {
      tokens.revoke(DEMO_TOKEN);
    }
    return tokens.create(DEMO_TOKEN, "sluice demo");
  }

  /** Starts {@code executions} runs of hello in scale out and waits until all have ended. */
  private List<Long> runBatch(Catalog catalog) {
    System.out.println("Running " + executions + " executions of hello/hello in scale out...");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < executions; i++) {
      long id =
          catalog
              .executions()
              .create(CreateExecution.of(folder, "hello", "hello").inScaleOut(true));
      catalog.executions().start(id, 1);
      ids.add(id);
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (ids.stream().anyMatch(id -> !catalog.executions().get(id).state().isFinal())) {
      if (System.nanoTime() > deadline) {
        System.out.println("  some executions did not end within 5 minutes");
        break;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return ids;
  }

  private void printTable(Catalog catalog, List<Long> ids, Output out) {
    Map<UUID, String> workerNames = new HashMap<>();
    for (WorkerAgent agent : new WorkerAgents(session().database().jdbi()).list()) {
      workerNames.put(agent.workerAgentId(), agent.displayName());
    }
    List<Execution> ran = ids.stream().map(catalog.executions()::get).toList();
    out.table(
        ran,
        Output.column("EXECUTION", Execution::executionId),
        Output.column("PACKAGE", e -> e.projectName() + "/" + e.packageName()),
        Output.column("WORKER", e -> workerNames.getOrDefault(e.workerAgentId(), "")),
        Output.column("STATUS", e -> e.state().display()),
        Output.column("DURATION", DemoCommand::duration));
  }

  private static String duration(Execution e) {
    if (e.startTime() == null || e.endTime() == null) {
      return "";
    }
    return String.format(
        "%.2f s", Duration.between(e.startTime(), e.endTime()).toMillis() / 1000.0);
  }

  private static void waitForCtrlC() {
    CountDownLatch interrupted = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(interrupted::countDown, "sluice-demo-stop"));
    try {
      interrupted.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private void ensureFolder(Catalog catalog) {
    boolean exists = catalog.folders().list().stream().map(Folder::name).anyMatch(folder::equals);
    if (!exists) {
      try {
        catalog.folders().create(folder, "Example projects deployed by sluice demo");
      } catch (CatalogException raced) {
        if (raced.reason() != CatalogException.Reason.CONFLICT) {
          throw raced;
        }
      }
    }
  }

  private List<Path> exampleProjects() {
    Path dir = examples;
    if (dir == null) {
      String home = System.getProperty("sluice.home");
      dir = home != null ? Path.of(home, "examples") : Path.of("examples");
    }
    if (!Files.isDirectory(dir)) {
      throw new UsageException(
          "no examples folder at " + dir.toAbsolutePath(),
          "run ./sluice demo from the repository, or pass --examples DIR");
    }
    try (Stream<Path> children = Files.list(dir)) {
      List<Path> projects =
          children.filter(p -> Files.isRegularFile(p.resolve("project.yaml"))).sorted().toList();
      if (projects.isEmpty()) {
        throw new UsageException(
            "no example projects (folders with project.yaml) in " + dir.toAbsolutePath(),
            "pass --examples DIR naming a folder of projects");
      }
      return projects;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
