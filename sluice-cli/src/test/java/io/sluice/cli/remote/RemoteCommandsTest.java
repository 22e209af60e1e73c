package io.sluice.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.database.CatalogLocation;
import io.sluice.catalog.security.CatalogKey;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.catalog.testing.TestProjects;
import io.sluice.cli.catalog.CliRun;
import io.sluice.cli.catalog.CliRun.Result;
import io.sluice.master.Master;
import io.sluice.master.config.MasterSettings;
import io.sluice.master.management.ApiTokens;
import io.sluice.master.management.Role;
import io.sluice.master.management.WorkerAgents;
import io.sluice.protocol.tls.CertificateAuthority;
import io.sluice.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalog and worker commands through a real master ({@code --master}, real HTTPS, certificates of
 * a real cluster CA) give what the same commands give on the catalog database directly: the same
 * tables, the same errors and hints, the same exit codes.
 */
class RemoteCommandsTest {

  @TempDir Path dir;
  private CatalogLocation location;
  private Path keyFile;
  private CatalogDatabase database;
  private Master master;
  private Worker worker;

  @BeforeEach
  void start() {
    CertificateAuthority ca = TestCertificates.write(dir, "localhost", "127.0.0.1");
    ca.issueClient("w1", Duration.ofDays(1)).writePem(dir, "w1");
    CertificateAuthority.create("Other CA", Duration.ofDays(30)).writePem(dir.resolve("other"));

    location = TestCatalog.newEmptyDatabase();
    keyFile = dir.resolve("catalog.key");
    database = CatalogDatabase.open(location);
    CatalogContext context =
        new CatalogContext(database, CatalogKey.loadOrCreate(keyFile).cipher(), "master");
    MasterSettings settings =
        MasterSettings.defaults(
                dir.resolve("master.crt"), dir.resolve("master.key"), dir.resolve("ca.crt"))
            .withPorts(0, 0)
            .withLease(Duration.ofSeconds(4), Duration.ofSeconds(1), Duration.ofMillis(100));
    master = Master.start(settings, new LocalCatalog(context), context);
  }

  @AfterEach
  void stop() {
    if (worker != null) {
      worker.close();
    }
    master.close();
    database.close();
  }

  private String[] asAlice() {
    return TestCertificates.asAlice(dir, master.managementPort());
  }

  private String[] onTheCatalog() {
    return new String[] {
      "--catalog-url",
      location.jdbcUrl(),
      "--catalog-user",
      location.user(),
      "--catalog-key-file",
      keyFile.toString()
    };
  }

  private Result remote(String... args) {
    return run(concat(args, asAlice()));
  }

  private Result local(String... args) {
    return run(concat(args, onTheCatalog()));
  }

  /** Runs a command both ways; they must print and exit the same. Returns the remote result. */
  private Result same(String... args) {
    Result remote = remote(args);
    Result local = local(args);
    assertThat(remote.out()).as(String.join(" ", args)).isEqualTo(local.out());
    assertThat(remote.err()).as(String.join(" ", args)).isEqualTo(local.err());
    assertThat(remote.exitCode()).as(String.join(" ", args)).isEqualTo(local.exitCode());
    return remote;
  }

  private static Result ok(Result result) {
    assertThat(result.exitCode()).as(result.err()).isZero();
    return result;
  }

  @Test
  void catalogCommandsThroughTheMasterChangeAndShowWhatTheyDoOnTheCatalog() throws Exception {
    ok(remote("catalog", "folders", "create", "Month End", "--description", "through the master"));
    Path project = TestProjects.sample("Sales").writeTo(dir);
    Result deployed = ok(remote("catalog", "deploy", project.toString(), "--folder", "Month End"));
    assertThat(deployed.out())
        .startsWith("Deployed project Sales to folder 'Month End' as version 1");
    ok(remote("catalog", "deploy", project.toString(), "--folder", "Month End"));
    ok(remote("catalog", "folders", "create", "Shared"));
    // POST /validations: Region (required) has no value yet, so Load would not start
    Result validated = remote("catalog", "validate", "--folder", "Month End", "--project", "Sales");
    assertThat(validated.exitCode()).as(validated.out() + validated.err()).isEqualTo(1);
    assertThat(validated.out()).contains("problem: package Load: ").contains("Region");

    String[] target = {"--folder", "Month End", "--project", "Sales"};
    String[] env = {"--folder", "Month End", "--environment", "Prod"};
    ok(
        remote(
            "catalog",
            "projects",
            "restore",
            "--folder",
            "Month End",
            "--project",
            "Sales",
            "--version",
            "1"));
    ok(remote("catalog", "environments", "create", "--folder", "Month End", "Prod"));
    ok(
        remote(
            concat(
                new String[] {"catalog", "variables", "set"},
                env,
                "Region",
                "emea",
                "--type",
                "String")));
    ok(
        remote(
            concat(
                new String[] {"catalog", "variables", "set"},
                env,
                "Secret",
                "s3cret",
                "--type",
                "String",
                "--sensitive")));
    ok(
        remote(
            concat(
                new String[] {"catalog", "references", "add"}, target, "--environment", "Prod")));
    ok(remote(concat(new String[] {"catalog", "parameters", "set"}, target, "BatchSize", "900")));
    ok(
        remote(
            concat(
                new String[] {"catalog", "parameters", "set"},
                target,
                "Region",
                "--reference",
                "Region")));
    ok(
        remote(
            concat(
                new String[] {"catalog", "parameters", "set"},
                target,
                "--package",
                "Load",
                "Day",
                "2025-03-01")));
    ok(
        remote(
            concat(
                new String[] {"catalog", "parameters", "clear"},
                target,
                "--package",
                "Load",
                "Day")));
    ok(remote("catalog", "properties", "set", "RETENTION_WINDOW", "90"));

    Result created =
        ok(
            remote(
                concat(
                    new String[] {"catalog", "executions", "create"},
                    target,
                    "--package",
                    "Load",
                    "--environment",
                    "Prod",
                    "--scale-out")));
    String id = created.out().replaceAll("(?s)^Created execution (\\d+).*", "$1");
    ok(remote("catalog", "executions", "set-parameter", id, "BatchSize", "42"));
    ok(remote("catalog", "executions", "start", id, "--retries", "1"));
    ok(remote("catalog", "executions", "stop", id));
    ok(remote("catalog", "cleanup"));

    String[][] reads = {
      {"catalog", "folders", "list"},
      {"catalog", "projects", "list"},
      {"catalog", "projects", "versions", "--folder", "Month End", "--project", "Sales"},
      concat(new String[] {"catalog", "projects", "compare"}, target, "--from", "2", "--to", "1"),
      {"catalog", "packages", "--folder", "Month End", "--project", "Sales"},
      concat(new String[] {"catalog", "parameters", "list"}, target),
      {"catalog", "environments", "list"},
      concat(new String[] {"catalog", "variables", "list"}, env),
      concat(new String[] {"catalog", "references", "list"}, target),
      {"catalog", "executions", "list", "--folder", "Month End", "--status", "canceled"},
      {"catalog", "executions", "show", id},
      {"catalog", "messages", id},
      {"catalog", "operations", "list", "--type", "deploy"},
      {"catalog", "operations", "show", "1"},
      {"catalog", "properties", "list"},
      {"catalog", "folders", "list", "--json"},
      {"executions", "--json"},
    };
    for (String[] read : reads) {
      ok(same(read));
    }
    // Version 1, restored, has the server values set since; version 2 has none.
    Result compared =
        ok(
            remote(
                concat(
                    new String[] {"catalog", "projects", "compare"},
                    target,
                    "--from",
                    "2",
                    "--to",
                    "1")));
    assertThat(compared.out())
        .containsPattern("changed\\s+\\$Project::BatchSize\\s+serverValue\\s+")
        .contains("server value '900'")
        .containsPattern("changed\\s+\\$Project::Region\\s+referencedVariable")
        .contains("from environment variable Region")
        .doesNotContain("unchanged");
    assertThat(local("catalog", "folders", "list").out())
        .containsPattern("Month End\\s+1\\s+1\\s+.*through the master");
    assertThat(local("catalog", "executions", "show", id).out())
        .contains("3 canceled")
        .containsPattern("BatchSize\\s+Int32.*42");
    assertThat(
            local("catalog", "variables", "list", "--folder", "Month End", "--environment", "Prod")
                .out())
        .doesNotContain("s3cret");
    assertThat(local("catalog", "operations", "list", "--limit", "3").out())
        .as("the master records the caller, not itself")
        .contains("alice")
        .doesNotContain("master");

    ok(remote("catalog", "references", "delete", "1"));
    ok(remote(concat(new String[] {"catalog", "variables", "delete"}, env, "Secret")));
    ok(remote("catalog", "environments", "delete", "--folder", "Month End", "Prod"));
    ok(remote("catalog", "projects", "delete", "--folder", "Month End", "--project", "Sales"));
    ok(remote("catalog", "folders", "delete", "Month End"));
    assertThat(local("catalog", "folders", "list").out()).doesNotContain("Month End");
  }

  @Test
  void refusalsPrintTheSameErrorHintAndExitCodeAsOnTheCatalog() {
    ok(local("catalog", "folders", "create", "F"));
    Result conflict = same("catalog", "folders", "create", "F");
    assertThat(conflict.exitCode()).isEqualTo(1);
    assertThat(conflict.err()).contains("error: folder 'F' already exists").contains("hint: ");
    Result missing = same("catalog", "folders", "delete", "Nope");
    assertThat(missing.err()).contains("hint: list folders with: sluice catalog folders list");
    Result invalid = same("catalog", "folders", "create", "@odd");
    assertThat(invalid.exitCode()).isEqualTo(2);
    same("catalog", "executions", "show", "999");
    same("catalog", "properties", "set", "RETENTION_WINDOW", "0");
    same("catalog", "projects", "versions", "--folder", "F", "--project", "Nope");
    same("workers", "show", "nobody");
    same("catalog", "messages", "12345");
  }

  @Test
  void workersAreManagedThroughTheMasterByIdOrName() {
    UUID id = UUID.randomUUID();
    database
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        """
                        insert into worker_agent (worker_agent_id, machine_name,
                                                  certificate_fingerprint, display_name)
                        values (:id, 'host1', 'AB:CD', 'etl-1')
                        """)
                    .bind("id", id)
                    .execute());
    assertThat(ok(remote("workers", "enable", "etl-1")).out()).contains("Enabled worker " + id);
    ok(remote("workers", "set", id.toString(), "--description", "big box", "--tags", "a,b"));
    ok(same("workers", "list"));
    assertThat(ok(same("workers", "show", "etl-1")).out()).contains("big box").contains("a, b");
    ok(remote("workers", "disable", id.toString()));
    assertThat(ok(remote("workers", "remove", "etl-1")).out()).contains("Removed");
    assertThat(new WorkerAgents(database.jdbi()).get(id.toString()).status()).isEqualTo("removed");
    same("workers", "enable", id.toString());
  }

  @Test
  void executeWaitFollowsAScaleOutOrServerModeRunThroughTheMaster() throws Exception {
    ok(remote("catalog", "folders", "create", "F"));
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
    ok(remote("catalog", "deploy", project.toString(), "--folder", "F"));
    worker = InProcessWorkers.startW1(dir, master.workerPort());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> remote("workers", "enable", "w1").exitCode() == 0);

    Result run =
        remote("execute", "--folder", "F", "--project", "P", "--package", "Load", "--wait");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("started in scale out; waiting for it to end")
        .contains("Count")
        .contains("ended: 7 succeeded");

    // Server mode through the master: no catalog database here, so the master runs it itself.
    Result onTheMaster =
        remote(
            "execute",
            "--folder",
            "F",
            "--project",
            "P",
            "--package",
            "Load",
            "--no-scale-out",
            "--wait");
    assertThat(onTheMaster.exitCode()).as(onTheMaster.out() + onTheMaster.err()).isZero();
    assertThat(onTheMaster.out())
        .contains("started on a master; waiting for it to end")
        .contains("Count")
        .contains("ended: 7 succeeded");
    String ranOn =
        database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            """
                            select server_lease_holder from execution
                            where not run_in_scale_out order by execution_id desc limit 1
                            """)
                        .mapTo(String.class)
                        .one());
    assertThat(ranOn).as("run by the master, not in scale out").isEqualTo(master.name());
  }

  @Test
  void credentialsAreCheckedAndAReadOnlyTokenChangesNothing() {
    ok(local("catalog", "folders", "create", "F"));
    String url = "https://localhost:" + master.managementPort();
    String ca = dir.resolve("ca.crt").toString();

    Result none = run("catalog", "folders", "list", "--master", url, "--ca", ca);
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err())
        .contains("error: the management API needs credentials")
        .contains("hint: give an administrator certificate (--cert");

    String reader = new ApiTokens(database.jdbi()).create("dashboard", "tester", Role.READ);
    Result read = run("catalog", "folders", "list", "--master", url, "--ca", ca, "--token", reader);
    assertThat(ok(read).out()).contains("F");
    Result change =
        run("catalog", "folders", "create", "G", "--master", url, "--ca", ca, "--token", reader);
    assertThat(change.exitCode()).isEqualTo(2);
    assertThat(change.err()).contains("token:dashboard may only read").contains("hint: ");
    Result wrongToken =
        run("catalog", "folders", "list", "--master", url, "--ca", ca, "--token", "sluice_nope");
    assertThat(wrongToken.exitCode()).isEqualTo(2);
    assertThat(wrongToken.err()).contains("not valid");
    assertThat(local("catalog", "folders", "list").out()).doesNotContain("G ");

    String[] alice = asAlice();
    alice[3] = dir.resolve("other/ca.crt").toString(); // --ca of another cluster
    Result otherCa = run(concat(new String[] {"catalog", "folders", "list"}, alice));
    assertThat(otherCa.exitCode()).isEqualTo(1);
    assertThat(otherCa.err()).contains("TLS with the master").contains("hint: ").contains("--ca");
    Result unreachable =
        run("catalog", "folders", "list", "--master", "https://localhost:1", "--ca", ca);
    assertThat(unreachable.exitCode()).isEqualTo(1);
    assertThat(unreachable.err())
        .contains("cannot reach the master at https://localhost:1: connection refused")
        .doesNotContain("Exception")
        .contains("hint: check --master");
    Result notHttps = run("catalog", "folders", "list", "--master", "localhost:8392");
    assertThat(notHttps.exitCode()).isEqualTo(2);
    assertThat(notHttps.err()).contains("is not an https:// address");
  }

  private static String[] concat(String[] first, String[] second, String... rest) {
    return Stream.of(first, second, rest).flatMap(Arrays::stream).toArray(String[]::new);
  }

  private static String[] concat(String[] first, String[] second) {
    return concat(first, second, new String[0]);
  }

  private static Result run(String... args) {
    return CliRun.run(args);
  }
}
