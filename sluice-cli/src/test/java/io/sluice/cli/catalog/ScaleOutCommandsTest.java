package io.sluice.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.database.CatalogLocation;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.cli.catalog.CliRun.Result;
import io.sluice.protocol.tls.CertificateAuthority;
import io.sluice.protocol.tls.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice cert}, {@code sluice workers} and {@code sluice tokens}, run in-process. */
class ScaleOutCommandsTest {

  @TempDir Path tmp;

  @Test
  void certCommandsWriteACaAndCertificatesWithFingerprintsAndHints() {
    String dir = tmp.resolve("certs").toString();

    Result ca = CliRun.run("cert", "ca", "--dir", dir);
    assertThat(ca.exitCode()).as(ca.err()).isZero();
    assertThat(ca.out()).contains("SHA-256 ").contains("next: sluice cert master");

    Result master =
        CliRun.run(
            "cert", "master", "--name", "m1.example.com", "--name", "10.0.0.5", "--dir", dir);
    assertThat(master.exitCode()).as(master.err()).isZero();
    assertThat(master.out())
        .contains("m1.example.com, 10.0.0.5")
        .contains("sluice master --config");

    assertThat(CliRun.run("cert", "worker", "etl-1", "--dir", dir).exitCode()).isZero();
    Result admin = CliRun.run("cert", "admin", "alice", "--dir", dir);
    assertThat(admin.exitCode()).isZero();
    assertThat(
            CertificateAuthority.isAdministrator(
                Pem.readCertificates(tmp.resolve("certs/alice.crt")).get(0)))
        .isTrue();
    assertThat(
            CertificateAuthority.isAdministrator(
                Pem.readCertificates(tmp.resolve("certs/etl-1.crt")).get(0)))
        .isFalse();

    Result again = CliRun.run("cert", "worker", "etl-1", "--dir", dir);
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("exists already").contains("hint: ");
    Result noCa = CliRun.run("cert", "worker", "x", "--dir", tmp.resolve("empty").toString());
    assertThat(noCa.exitCode()).isEqualTo(2);
    assertThat(noCa.err()).contains("hint: create one first: sluice cert ca");
    assertThat(Files.exists(tmp.resolve("certs/ca.key"))).isTrue();
  }

  @Test
  void workersCanBeListedEnabledDescribedAndRemoved() {
    CatalogLocation location = TestCatalog.newEmptyDatabase();
    UUID id = registeredWorker(location, "etl-1");
    Path key = tmp.resolve("catalog.key");

    Result list = run(location, key, "workers", "list");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).containsPattern(id + "\\s+etl-1\\s+disabled\\s+host1");

    assertThat(run(location, key, "workers", "enable", "etl-1").out())
        .contains("Enabled worker " + id);
    Result set =
        run(
            location,
            key,
            "workers",
            "set",
            id.toString(),
            "--description",
            "big box",
            "--tags",
            "a,b");
    assertThat(set.exitCode()).as(set.err()).isZero();
    assertThat(run(location, key, "workers", "show", id.toString()).out())
        .contains("status:")
        .contains("enabled")
        .contains("big box")
        .contains("a, b");
    assertThat(run(location, key, "workers", "remove", id.toString()).out()).contains("Removed");
    Result enableRemoved = run(location, key, "workers", "enable", id.toString());
    assertThat(enableRemoved.exitCode()).isEqualTo(1);
    assertThat(enableRemoved.err()).contains("was removed").contains("hint: ");
    Result unknown = run(location, key, "workers", "show", "nobody");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("there is no worker 'nobody'");
  }

  @Test
  void aDisplayNameTwoWorkersShareIsRefusedWithBothIdsNotReadAsNoSuchWorker() {
    CatalogLocation location = TestCatalog.newEmptyDatabase();
    UUID first = registeredWorker(location, "etl");
    UUID second = registeredWorker(location, "etl");
    Path key = tmp.resolve("catalog.key");

    Result ambiguous = run(location, key, "workers", "enable", "etl");

    assertThat(ambiguous.exitCode()).isEqualTo(2);
    assertThat(ambiguous.err())
        .contains("2 workers are named 'etl'")
        .contains(first.toString())
        .contains(second.toString())
        .contains("hint: give the worker's id");
    Result byId = run(location, key, "workers", "enable", first.toString());
    assertThat(byId.exitCode()).as(byId.err()).isZero();
  }

  @Test
  void executeTakesTheWorkersThatMayRunItByDisplayNameOrId() {
    CatalogLocation location = TestCatalog.newEmptyDatabase();
    Path key = tmp.resolve("catalog.key");
    UUID id = registeredWorker(location, "etl-1");
    assertThat(run(location, key, "catalog", "folders", "create", "F").exitCode()).isZero();
    Result deployed = run(location, key, "catalog", "deploy", "../examples/hello", "--folder", "F");
    assertThat(deployed.exitCode()).as(deployed.err()).isZero();
    String[] hello = {"execute", "--folder", "F", "--project", "hello", "--package", "hello"};

    Result byName = run(location, key, with(hello, "--worker", "etl-1"));
    Result byId = run(location, key, with(hello, "--worker", id.toString()));
    Result unknown = run(location, key, with(hello, "--worker", "nobody"));

    assertThat(byName.exitCode()).as(byName.err()).isZero();
    assertThat(byName.err())
        .as("etl-1 registered disabled")
        .contains("may run only on worker etl-1, which is disabled")
        .contains("sluice workers enable etl-1");
    assertThat(byId.exitCode()).as(byId.err()).isZero();
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("there is no worker 'nobody'");
    Result specific =
        run(
            location,
            key,
            "catalog",
            "executions",
            "create",
            "--folder",
            "F",
            "--project",
            "hello",
            "--package",
            "hello",
            "--specific-workers",
            "--json");
    assertThat(specific.exitCode()).as(specific.err()).isZero();
    assertThat(specific.out())
        .as("--specific-workers means Scale Out")
        .contains("\"runInScaleOut\" : true");
    String created = specific.out().replaceAll("(?s).*\"executionId\" : (\\d+).*", "$1");
    Result noWorker = run(location, key, "catalog", "executions", "start", created);
    assertThat(noWorker.exitCode()).isEqualTo(2);
    assertThat(noWorker.err())
        .contains("it may run only on workers named for it, and none is")
        .contains(
            "hint: name one with: sluice catalog executions add-worker " + created + " WORKER")
        .doesNotContain("set-parameter");
    Result added = run(location, key, "catalog", "executions", "add-worker", created, "etl-1");
    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(added.err()).as("said as it is added").contains("which is disabled");
    assertThat(run(location, key, "workers", "enable", "etl-1").exitCode()).isZero();
    Result started = run(location, key, "catalog", "executions", "start", created);
    assertThat(started.exitCode()).as(started.err()).isZero();
    assertThat(started.err())
        .as("enabled, but etl-1 never sent a heartbeat")
        .contains("has been online in the last minute: it waits in the queue");
    try (CatalogDatabase db = CatalogDatabase.open(location)) {
      List<String> allowed =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select worker_agent_id::text from execution_worker order by 1")
                          .mapTo(String.class)
                          .list());
      assertThat(allowed).containsExactly(id.toString(), id.toString(), id.toString());
      long executions =
          db.jdbi()
              .withHandle(
                  h -> h.createQuery("select count(*) from execution").mapTo(Long.class).one());
      assertThat(executions).as("the unknown worker created no execution").isEqualTo(3);
    }
  }

  /** A worker as its first heartbeat registers it (disabled, never online since). */
  private static UUID registeredWorker(CatalogLocation location, String displayName) {
    UUID id = UUID.randomUUID();
    try (CatalogDatabase db = CatalogDatabase.open(location)) {
      db.jdbi()
          .useHandle(
              h ->
                  h.createUpdate(
                          """
                          insert into worker_agent (worker_agent_id, machine_name,
                                                    certificate_fingerprint, display_name)
                          values (:id, 'host1', :fingerprint, :name)
                          """)
                      .bind("id", id)
                      .bind("name", displayName)
                      .bind("fingerprint", id.toString())
                      .execute());
    }
    return id;
  }

  private static String[] with(String[] args, String... more) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(Arrays.asList(more));
    return all.toArray(String[]::new);
  }

  @Test
  void tokensAreShownOnceAndStoredOnlyAsHashes() {
    CatalogLocation location = TestCatalog.newEmptyDatabase();
    Path key = tmp.resolve("catalog.key");

    Result created = run(location, key, "tokens", "create", "ci");
    assertThat(created.exitCode()).as(created.err()).isZero();
    String token =
        Arrays.stream(created.out().split("\n"))
            .filter(l -> l.startsWith("sluice_"))
            .findFirst()
            .orElseThrow();
    try (CatalogDatabase db = CatalogDatabase.open(location)) {
      List<String> stored =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select token_sha256 from api_token")
                          .mapTo(String.class)
                          .list());
      assertThat(stored).hasSize(1).noneMatch(s -> s.contains(token));
    }
    assertThat(run(location, key, "tokens", "list").out()).contains("ci");
    assertThat(run(location, key, "tokens", "create", "ci").exitCode()).isEqualTo(1);
    assertThat(run(location, key, "tokens", "revoke", "ci").out()).contains("Revoked token ci");
  }

  private static Result run(CatalogLocation location, Path key, String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(
        List.of(
            "--catalog-url",
            location.jdbcUrl(),
            "--catalog-user",
            location.user(),
            "--catalog-key-file",
            key.toString()));
    return CliRun.run(all.toArray(String[]::new));
  }
}
