package io.sluice.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.database.CatalogLocation;
import io.sluice.catalog.execution.ExecutionFilter;
import io.sluice.catalog.message.EventMessage;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.catalog.security.CatalogKey;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.cli.SluiceCommand;
import io.sluice.cli.catalog.CliRun;
import io.sluice.cli.catalog.CliRun.Result;
import io.sluice.master.Master;
import io.sluice.master.config.MasterSettings;
import io.sluice.master.management.WorkerAgents;
import io.sluice.master.management.WorkerChanges;
import io.sluice.protocol.tls.CertificateAuthority;
import io.sluice.worker.Worker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale Out executions that could never run, with a real master, a real worker and the catalog on
 * real PostgreSQL: {@code sluice execute} refuses a removed or unknown worker before anything is
 * created; for a disabled worker or a tag no enabled worker has it says so at once and while it
 * waits (and the execution's messages say so), and the execution runs once an operator enables the
 * worker or tags it. On the catalog directly and through the master's API.
 */
class UnrunnableExecutionsTest {

  @TempDir Path dir;
  private CatalogDatabase database;
  private String[] onTheCatalog;
  private String[] throughTheMaster;
  private Master master;
  private Worker worker;
  private WorkerAgents workers;
  private LocalCatalog catalog;

  @BeforeEach
  void start() throws Exception {
    CertificateAuthority ca = TestCertificates.write(dir, "localhost");
    ca.issueClient("w1", Duration.ofDays(1)).writePem(dir, "w1");
    CatalogLocation location = TestCatalog.newEmptyDatabase();
    Path keyFile = dir.resolve("catalog.key");
    database = CatalogDatabase.open(location);
    CatalogContext context =
        new CatalogContext(database, CatalogKey.loadOrCreate(keyFile).cipher(), "tester");
    catalog = new LocalCatalog(context);
    workers = new WorkerAgents(database.jdbi());
    master =
        Master.start(
            MasterSettings.defaults(
                    dir.resolve("master.crt"), dir.resolve("master.key"), dir.resolve("ca.crt"))
                .withPorts(0, 0),
            catalog,
            context);
    onTheCatalog =
        new String[] {
          "--catalog-url",
          location.jdbcUrl(),
          "--catalog-user",
          location.user(),
          "--catalog-key-file",
          keyFile.toString()
        };
    throughTheMaster = TestCertificates.asAlice(dir, master.managementPort());
    catalog.folders().create("F", "");
    Path project = dir.resolve("p");
    Files.createDirectories(project.resolve("packages"));
    Files.writeString(project.resolve("project.yaml"), "name: P\n");
    Files.writeString(
        project.resolve("packages/Load.yaml"),
        """
        variables:
          - {name: N, type: Int32, value: 0}
        tasks:
          - {name: Count, type: Expression, expression: "@[User::N] = 1"}
        """);
    assertThat(
            cli(onTheCatalog, "catalog", "deploy", project.toString(), "--folder", "F").exitCode())
        .isZero();
    worker = InProcessWorkers.startW1(dir, master.workerPort());
    // A worker registers disabled, as in SSIS.
    await().atMost(Duration.ofSeconds(20)).until(() -> !workers.list().isEmpty());
  }

  @AfterEach
  void stop() {
    worker.close();
    master.close();
    database.close();
  }

  private static final String[] LOAD = {
    "execute", "--folder", "F", "--project", "P", "--package", "Load"
  };

  private static Result cli(String[] target, String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(Arrays.asList(target));
    return CliRun.run(all.toArray(String[]::new));
  }

  private static String[] with(String[] args, String... more) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(Arrays.asList(more));
    return all.toArray(String[]::new);
  }

  private long executions() {
    return catalog.executions().list(ExecutionFilter.all()).size();
  }

  @Test
  void aRemovedOrUnknownWorkerIsRefusedAndNothingIsCreated() {
    UUID gone = UUID.randomUUID();
    database
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        """
                        insert into worker_agent (worker_agent_id, display_name, machine_name,
                                                  certificate_fingerprint, removed_time)
                        values (:id, 'gone', 'host', 'fp-gone', now())
                        """)
                    .bind("id", gone)
                    .execute());

    for (String[] target : new String[][] {onTheCatalog, throughTheMaster}) {
      Result removed = cli(target, with(LOAD, "--worker", "gone"));
      Result unknown = cli(target, with(LOAD, "--worker", "nobody"));

      assertThat(removed.exitCode()).as(removed.err()).isEqualTo(1);
      assertThat(removed.err())
          .contains("error: worker " + gone + " was removed: an execution named for it could never")
          .contains("hint: ");
      assertThat(unknown.exitCode()).as(unknown.err()).isEqualTo(1);
      assertThat(unknown.err()).contains("there is no worker 'nobody'");
    }
    assertThat(executions()).as("a refused worker leaves no execution behind").isZero();
  }

  @Test
  void aNamedWorkerIsRefusedWithNoScaleOutAsATagIsAndNothingIsCreated() {
    for (String[] target : new String[][] {onTheCatalog, throughTheMaster}) {
      Result worker = cli(target, with(LOAD, "--worker", "w1", "--no-scale-out"));
      Result tag = cli(target, with(LOAD, "--worker-tag", "gpu", "--no-scale-out"));

      assertThat(worker.exitCode()).as(worker.out() + worker.err()).isEqualTo(2);
      assertThat(worker.err())
          .contains(
              "error: the workers named for it choose Scale Out workers, but this execution does"
                  + " not run in Scale Out")
          .contains("hint: add --scale-out, or leave out the workers (--worker)");
      assertThat(worker.out()).doesNotContain("started");
      assertThat(tag.exitCode()).as(tag.err()).isEqualTo(2);
    }
    assertThat(executions()).as("a refused execution leaves nothing behind").isZero();
  }

  /** A command run in the background, its output captured, while the test plays the operator. */
  private record Background(
      CompletableFuture<Integer> exit, ByteArrayOutputStream out, ByteArrayOutputStream err) {
    String stdout() {
      return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
      return err.toString(StandardCharsets.UTF_8);
    }
  }

  private static Background inBackground(String[] target, String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(Arrays.asList(target));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Background(
        CompletableFuture.supplyAsync(
            () -> SluiceCommand.commandLine().execute(all.toArray(String[]::new))),
        out,
        err);
  }

  private static final PrintStream STDOUT = System.out;
  private static final PrintStream STDERR = System.err;

  private static void restoreOutput() {
    System.setOut(STDOUT);
    System.setErr(STDERR);
  }

  @Test
  void aDisabledWorkerIsNotedAtOnceAndTheExecutionRunsOnceItIsEnabled() throws Exception {
    String w1 = workers.list().get(0).workerAgentId().toString();
    Background run;
    try {
      run = inBackground(onTheCatalog, with(LOAD, "--worker", "w1", "--wait"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> run.stderr().contains("may run only on worker w1"));
      long id = catalog.executions().list(ExecutionFilter.all()).get(0).executionId();
      String why =
          "execution "
              + id
              + " may run only on worker w1, which is disabled: it waits until the worker is"
              + " enabled (sluice workers enable w1)";
      assertThat(run.stderr()).contains("note: " + why);
      assertThat(run.stdout()).contains("waiting for it to end");
      assertThat(
              catalog.messages().ofExecution(id, MessageQuery.all()).stream()
                  .map(EventMessage::message))
          .as("the execution's messages say it too")
          .contains(why);

      workers.enable(w1);
      assertThat(run.exit().get(60, java.util.concurrent.TimeUnit.SECONDS))
          .as(run.stdout() + run.stderr())
          .isZero();
      assertThat(run.stdout()).contains("Scale Out: " + why).contains("7 succeeded");
    } finally {
      restoreOutput();
    }
  }

  @Test
  void aTagNoEnabledWorkerHasIsNotedThroughTheMasterAndTheExecutionRunsOnceOneHasIt()
      throws Exception {
    String w1 = workers.list().get(0).workerAgentId().toString();
    workers.enable(w1);
    Background run;
    try {
      run = inBackground(throughTheMaster, with(LOAD, "--worker-tag", "gpu", "--wait"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> run.stderr().contains("no enabled worker has the tag gpu"));
      long id = catalog.executions().list(ExecutionFilter.all()).get(0).executionId();
      assertThat(catalog.executions().get(id).requiredWorkerTags())
          .as("the tag reached the catalog through the master")
          .containsExactly("gpu");
      assertThat(run.stderr())
          .contains(
              "note: no enabled worker has the tag gpu: execution "
                  + id
                  + " waits until one has it (sluice workers set WORKER --tags gpu)");

      workers.set(w1, new WorkerChanges(null, null, List.of("gpu")));
      assertThat(run.exit().get(60, java.util.concurrent.TimeUnit.SECONDS))
          .as(run.stdout() + run.stderr())
          .isZero();
      assertThat(run.stdout()).contains("7 succeeded");
    } finally {
      restoreOutput();
    }
  }
}
