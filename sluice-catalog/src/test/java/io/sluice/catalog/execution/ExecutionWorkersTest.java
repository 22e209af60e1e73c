package io.sluice.catalog.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.message.EventMessage;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.catalog.testing.CatalogRows;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.engine.event.MessageType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scale Out executions that could never run: a removed or unknown worker is refused when it is
 * named (at create or with add-worker), and nothing is left behind; a disabled worker or tags no
 * enabled worker has are accepted, but {@link Executions#warnings} says why it waits and the start
 * records it in the execution's messages. On real PostgreSQL.
 */
class ExecutionWorkersTest {

  private CatalogDatabase db;
  private LocalCatalog catalog;
  private CatalogRows rows;

  @BeforeEach
  void deployAProject() {
    db = TestCatalog.newDatabase();
    catalog = new LocalCatalog(new CatalogContext(db, TestCatalog.cipher(), "tester"));
    rows = new CatalogRows(db.jdbi());
    CatalogRows.Deployed warehouse = rows.project(rows.folder("Sales"), "Warehouse");
    rows.packageOf(warehouse.versionId(), "Load.yaml", true);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static CreateExecution load() {
    return CreateExecution.of("Sales", "Warehouse", "Load.yaml").inScaleOut(true);
  }

  private void set(UUID worker, String assignments) {
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "update worker_agent set " + assignments + " where worker_agent_id = :id")
                    .bind("id", worker)
                    .execute());
  }

  private long executions() {
    return db.jdbi()
        .withHandle(h -> h.createQuery("select count(*) from execution").mapTo(Long.class).one());
  }

  private List<String> warningMessages(long id) {
    return catalog
        .messages()
        .ofExecution(id, MessageQuery.all().ofTypes(java.util.Set.of(MessageType.WARNING)))
        .stream()
        .map(EventMessage::message)
        .toList();
  }

  @Test
  void aRemovedOrUnknownWorkerIsRefusedWhenNamedAndLeavesNoExecution() {
    UUID removed = rows.worker("gone");
    set(removed, "enabled = false, removed_time = now()");
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> catalog.executions().create(load().withWorkers(List.of(removed))))
        .isInstanceOf(CatalogException.class)
        .hasMessage("worker " + removed + " was removed: an execution named for it could never run")
        .satisfies(
            e ->
                assertThat(((CatalogException) e).reason())
                    .isEqualTo(CatalogException.Reason.CONFLICT));
    assertThatThrownBy(() -> catalog.executions().create(load().withWorkers(List.of(unknown))))
        .isInstanceOf(CatalogException.class)
        .hasMessage("there is no worker agent " + unknown)
        .satisfies(
            e ->
                assertThat(((CatalogException) e).reason())
                    .isEqualTo(CatalogException.Reason.NOT_FOUND));
    assertThat(executions()).as("a refused worker leaves no execution behind").isZero();

    long chosen = catalog.executions().create(load().withAnyWorker(false));
    assertThatThrownBy(() -> catalog.executions().addWorker(chosen, removed))
        .hasMessageContaining("was removed");
    assertThatThrownBy(() -> catalog.executions().addWorker(chosen, unknown))
        .hasMessageContaining("there is no worker agent");
  }

  @Test
  void aDisabledWorkerIsAcceptedAndTheWaitIsSaidAndRecorded() {
    UUID disabled = rows.worker("etl-1"); // a worker registers disabled

    long id = catalog.executions().create(load().withWorkers(List.of(disabled)));
    String why =
        "execution "
            + id
            + " may run only on worker etl-1, which is disabled: it waits until the worker is"
            + " enabled (sluice workers enable etl-1)";
    assertThat(catalog.executions().warnings(id)).as("said when created").containsExactly(why);
    catalog.executions().start(id, 0);

    assertThat(catalog.executions().warnings(id)).containsExactly(why);
    assertThat(warningMessages(id)).as("recorded in its messages").containsExactly(why);

    set(disabled, "enabled = true, last_online_time = now()");
    assertThat(catalog.executions().warnings(id)).as("enabled and online: it can run").isEmpty();
  }

  @Test
  void tagsNoEnabledWorkerHasAreAcceptedAndTheWaitNamesTheDisabledWorkerThatHasThem() {
    UUID plain = rows.worker("plain");
    set(plain, "enabled = true, last_online_time = now(), tags = '{linux}'");
    UUID gpu = rows.worker("gpu-1");
    set(gpu, "tags = '{linux,gpu}'");

    long id = catalog.executions().create(load().withWorkerTags(List.of("gpu")));
    catalog.executions().start(id, 0);

    String why =
        "no enabled worker has the tag gpu (gpu-1 has it but is disabled): execution "
            + id
            + " waits until one has it (sluice workers enable gpu-1)";
    assertThat(catalog.executions().warnings(id)).containsExactly(why);
    assertThat(warningMessages(id)).containsExactly(why);

    long nobody = catalog.executions().create(load().withWorkerTags(List.of("gpu", "big")));
    assertThat(catalog.executions().warnings(nobody))
        .containsExactly(
            "no enabled worker has the tags gpu, big: execution "
                + nobody
                + " waits until one has them (sluice workers set WORKER --tags gpu,big)");
  }

  @Test
  void whenNoWorkerIsEnabledTheWaitNamesTheTagNotAWorkerThatLacksIt() {
    UUID old = rows.worker("old-worker-1"); // disabled, without the tag: enabling it won't help

    long id = catalog.executions().create(load().withWorkerTags(List.of("gpu")));
    assertThat(catalog.executions().warnings(id))
        .containsExactly(
            "no enabled worker has the tag gpu: execution "
                + id
                + " waits until one has it (sluice workers set WORKER --tags gpu, then sluice"
                + " workers enable WORKER)");

    long named =
        catalog
            .executions()
            .create(load().withWorkers(List.of(old)).withWorkerTags(List.of("gpu")));
    assertThat(catalog.executions().warnings(named))
        .containsExactly(
            "no enabled worker named for it has the tag gpu: execution "
                + named
                + " waits until one has it (sluice workers set WORKER --tags gpu, then sluice"
                + " workers enable WORKER)");

    UUID gpu = rows.worker("gpu-1");
    set(gpu, "tags = '{gpu}'");
    assertThat(catalog.executions().warnings(id))
        .as("a disabled worker that has the tag is the one to enable")
        .containsExactly(
            "no enabled worker has the tag gpu (gpu-1 has it but is disabled): execution "
                + id
                + " waits until one has it (sluice workers enable gpu-1)");
  }

  @Test
  void anEnabledWorkerThatIsOfflineIsSaidButNotRecorded() {
    UUID quiet = rows.worker("quiet");
    set(quiet, "enabled = true");

    long id = catalog.executions().create(load());
    catalog.executions().start(id, 0);

    assertThat(catalog.executions().warnings(id))
        .containsExactly(
            "no enabled worker that may run execution "
                + id
                + " has been online in the last minute: it waits in the queue until one asks for"
                + " work (sluice workers list shows them)");
    assertThat(warningMessages(id)).as("a worker may come back any moment").isEmpty();
    set(quiet, "last_online_time = now()");
    assertThat(catalog.executions().warnings(id)).isEmpty();
  }

  @Test
  void aServerModeOrEndedExecutionHasNoWorkerWarnings() {
    long server =
        catalog.executions().create(CreateExecution.of("Sales", "Warehouse", "Load.yaml"));
    long stopped = catalog.executions().create(load());
    catalog.executions().stop(stopped);

    assertThat(catalog.executions().warnings(server)).isEmpty();
    assertThat(catalog.executions().warnings(stopped)).isEmpty();
  }
}
