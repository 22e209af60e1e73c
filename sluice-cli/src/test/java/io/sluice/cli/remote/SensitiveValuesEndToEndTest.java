package io.sluice.cli.remote;

import static io.sluice.cli.remote.TestCluster.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.cli.catalog.CliRun;
import io.sluice.cli.catalog.CliRun.Result;
import io.sluice.engine.event.SecretMask;
import io.sluice.engine.testing.TestDriverJars;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A sensitive parameter value shows on no path out of a cluster: a real master (REST over HTTPS), a
 * real worker (task log, spool), the in-process runner, the catalog's event_message table, and the
 * CLI's tables and {@code --json}, for a package whose programs and JDBC driver all echo the secret
 * they were handed where it belongs (standard input, a connection's password). SSIS's validation
 * rule keeps it out of everything else, which deploy proves first.
 */
class SensitiveValuesEndToEndTest extends ClusterTest {

  private static final String SECRET = "Pa55-w0rd-of-the-Warehouse";

  @Test
  void noPathShowsASensitiveValue() throws Exception {
    ok(cluster.remote("catalog", "folders", "create", "F"));

    // The review's reproduction: refused when deployed, naming the parameter and the expression.
    Path copying =
        project(
            "Copying",
            """
            variables:
              - {name: Copy, type: String, expression: '"got:" + @[$Project::Secret]'}
            tasks:
              - {name: A, type: Expression, expression: '@[User::Copy] = "x"'}
            """);
    Result refused = cluster.remote("catalog", "deploy", copying.toString(), "--folder", "F");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err())
        .contains(
            "sensitive parameter $Project::Secret is used in expression \"\"got:\" +"
                + " @[$Project::Secret]\", which sets the value of variable User::Copy");

    // Allowed uses only, by programs and a driver that print what they were handed.
    Path vault =
        project(
            "Vault",
            """
            parameters:
              - {name: Pause, type: Int32, default: 0}
            maximumErrorCount: 10
            variables:
              - {name: Out, type: String, value: "", raiseChangedEvent: true}
            tasks:
              - name: Echo
                type: ExecuteProcess
                executable: /bin/sh
                arguments: '-c "cat"'
                standardInputVariable: $Project::Secret
                standardOutputVariable: User::Out
              - name: Complain
                type: ExecuteProcess
                executable: /bin/sh
                arguments: '-c "echo denied for $(cat) >&2; exit 3"'
                standardInputVariable: $Project::Secret
              - {name: Count, type: ExecuteSql, connection: Warehouse, statement: select 1}
              - name: Linger
                type: ExecuteProcess
                executable: sleep
                arguments: "0"
                expressions: {arguments: '(DT_WSTR, 5) @[$Package::Pause]'}
                after: {task: Count, on: completion}
            """);
    TestDriverJars.writeCarelessTo(vault);
    ok(cluster.remote("catalog", "deploy", vault.toString(), "--folder", "F"));
    cluster.startWorker();
    Path secretFile = Files.writeString(dir.resolve("secret.txt"), SECRET + "\n");

    // Scale out through the master's REST API, the value read from a file (not in `ps`).
    Result started =
        cluster.remote(
            "execute",
            "--folder",
            "F",
            "--project",
            "Vault",
            "--package",
            "leak",
            "--param",
            "Secret=@" + secretFile,
            "--param",
            "Pause=4",
            "--json");
    long onWorker = executionId(ok(started).out());
    // While it lingers, its events sit in the worker's spool: read them there.
    Path cache = dir.resolve("w1-cache");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> filesUnder(cache).stream().anyMatch(f -> read(f).contains("denied for")));
    List<Path> spools = filesUnder(cache);
    String spooled =
        String.join("\n", spools.stream().map(SensitiveValuesEndToEndTest::read).toList());
    assertThat(spooled).doesNotContain(SECRET);
    for (Path spool : spools) {
      assertThat(mode(spool)).as(spool.toString()).isEqualTo("rw-------");
    }
    assertThat(mode(cache)).isEqualTo("rwx------");
    await().atMost(Duration.ofSeconds(60)).until(() -> ended(onWorker));

    // Server mode in this process, the value piped in on standard input, followed to its end.
    Result inProcess =
        withStdin(
            SECRET + "\n",
            () ->
                local(
                    "execute",
                    "--folder",
                    "F",
                    "--project",
                    "Vault",
                    "--package",
                    "leak",
                    "--no-scale-out",
                    "--param",
                    "Secret=-",
                    "--wait"));
    ok(inProcess); // its errors stay under maximumErrorCount
    long inServer = lastExecutionId();

    List<String> shown = new ArrayList<>();
    shown.add(started.out() + started.err());
    shown.add(inProcess.out() + inProcess.err());
    for (long id : List.of(onWorker, inServer)) {
      String execution = String.valueOf(id);
      for (Result r :
          List.of(
              local("catalog", "messages", execution),
              local("catalog", "messages", execution, "--json"),
              cluster.remote("catalog", "messages", execution),
              cluster.remote("catalog", "messages", execution, "--json"),
              cluster.remote("catalog", "executions", "show", execution, "--json"))) {
        shown.add(ok(r).out() + r.err());
      }
      String stored = storedMessages(id);
      shown.add(stored);
      // the secret was there to leak, and was masked, by program, process and driver alike
      assertThat(stored)
          .contains("User::Out changed to " + SecretMask.MASK)
          .contains("denied for " + SecretMask.MASK)
          .contains("login failed for app/" + SecretMask.MASK);
    }
    Path tasks = dir.resolve("w1-tasks");
    for (Path log : filesUnder(tasks)) {
      shown.add(read(log));
      assertThat(mode(log)).as(log.toString()).isEqualTo("rw-------");
    }
    assertThat(mode(tasks)).isEqualTo("rwx------");
    for (Path spool : filesUnder(cache)) {
      shown.add(read(spool));
    }
    assertThat(shown).allSatisfy(text -> assertThat(text).doesNotContain(SECRET));
  }

  /**
   * dtexec's /CONNECTION and /SET on {@code sluice execute}: stored with the execution, shown by
   * the master's API with the connection string hidden, handed to the worker (and to the in-process
   * runner) and applied there; the password inside the connection string shows on no path out,
   * while the rest of it still says which server the run used.
   */
  @Test
  void propertyOverridesReachTheRunnerAndTheirPasswordsShowNowhere() throws Exception {
    String password = "0verride-Pa55-w0rd";
    String moved = "jdbc:careless:moved?user=app&password=" + password;
    ok(cluster.remote("catalog", "folders", "create", "F"));
    Path estate =
        project(
            "Estate",
            """
            maximumErrorCount: 10
            variables:
              - {name: Day, type: Int32, value: 1}
              - {name: Out, type: Int32, value: 0}
            tasks:
              - {name: Double, type: Expression, expression: '@[User::Out] = @[User::Day] * 2'}
              - {name: Count, type: ExecuteSql, connection: Warehouse, statement: select 1}
            """);
    TestDriverJars.writeCarelessTo(estate);
    ok(cluster.remote("catalog", "deploy", estate.toString(), "--folder", "F"));
    cluster.startWorker();
    Path urlFile = Files.writeString(dir.resolve("url.txt"), moved + "\n");
    String[] leak = {"execute", "--folder", "F", "--project", "Estate", "--package", "leak"};
    String[] execute =
        concat(
            leak,
            new String[] {
              "--param",
              "Secret=unused-secret",
              "--connection",
              "Warehouse=@" + urlFile,
              "--set",
              "\\Package.Variables[User::Day].Value;21"
            });

    // A path the package does not have is refused by the master before anything runs.
    Result refused =
        cluster.remote(
            concat(
                leak,
                new String[] {
                  "--param", "Secret=x", "--set", "\\Package.Variables[User::Nope].Value;1"
                }));
    assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(2);
    assertThat(refused.err()).contains("no variable User::Nope").contains("User::Day, User::Out");

    Result started = ok(cluster.remote(concat(execute, new String[] {"--json"})));
    long onWorker = executionId(started.out());
    await().atMost(Duration.ofSeconds(60)).until(() -> ended(onWorker));
    Result inProcess = ok(local(concat(execute, new String[] {"--no-scale-out", "--wait"})));
    long inServer = lastExecutionId();

    List<String> shown = new ArrayList<>();
    shown.add(started.out() + started.err());
    shown.add(inProcess.out() + inProcess.err());
    for (long id : List.of(onWorker, inServer)) {
      String stored = storedMessages(id);
      shown.add(stored);
      assertThat(stored)
          .as("the variable and the connection were overridden where it ran")
          .contains("User::Out = 42")
          .contains("jdbc:careless:moved?user=app&password=" + SecretMask.MASK);
      Result show =
          ok(cluster.remote("catalog", "executions", "show", String.valueOf(id), "--json"));
      shown.add(show.out());
      assertThat(show.out())
          .contains("\"propertyPath\" : \"\\\\Package.Variables[User::Day].Value\"")
          .contains("\"value\" : \"21\"")
          .contains("Properties[ConnectionString]");
      shown.add(ok(cluster.remote("catalog", "executions", "show", String.valueOf(id))).out());
    }
    for (Path log : filesUnder(dir.resolve("w1-tasks"))) {
      shown.add(read(log));
    }
    shown.add(
        cluster
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select string_agg(coalesce(value, '') || encode(coalesce("
                                + "value_secret, ''::bytea), 'escape'), ' ')"
                                + " from execution_property_override")
                        .mapTo(String.class)
                        .one()));
    assertThat(shown).allSatisfy(text -> assertThat(text).doesNotContain(password));
  }

  private Path project(String name, String packageYaml) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(name).resolve("packages"));
    Files.writeString(
        dir.resolve(name).resolve("project.yaml"),
        """
        name: NAME
        parameters:
          - {name: Secret, type: String, sensitive: true}
        connections:
          - name: Warehouse
            type: jdbc
            url: URL
            user: app
            expressions: {password: '@[$Project::Secret]'}
        """
            .replace("NAME", name)
            .replace("URL", TestDriverJars.CARELESS_URL));
    Files.writeString(folder.resolve("leak.yaml"), packageYaml);
    return dir.resolve(name);
  }

  private boolean ended(long executionId) {
    int status =
        cluster
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select status from execution where execution_id = :id")
                        .bind("id", executionId)
                        .mapTo(Integer.class)
                        .one());
    return status == 4 || status == 7;
  }

  private long lastExecutionId() {
    return cluster
        .database()
        .jdbi()
        .withHandle(
            h -> h.createQuery("select max(execution_id) from execution").mapTo(Long.class).one());
  }

  /** Every message the catalog stored for the execution, straight from its table. */
  private String storedMessages(long executionId) {
    return cluster
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select string_agg(message, E'\\n' order by event_message_id)"
                            + " from event_message where operation_id = :id")
                    .bind("id", executionId)
                    .mapTo(String.class)
                    .one());
  }

  private static long executionId(String json) {
    Matcher m = Pattern.compile("\"executionId\"\\s*:\\s*(\\d+)").matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static List<Path> filesUnder(Path folder) throws Exception {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.io.IOException gone) {
      return ""; // a spool the worker deleted meanwhile
    }
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static Result withStdin(String text, java.util.function.Supplier<Result> command) {
    InputStream original = System.in;
    try {
      System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      return command.get();
    } finally {
      System.setIn(original);
    }
  }

  private Result local(String... args) {
    return CliRun.run(
        concat(
            args,
            new String[] {
              "--catalog-url",
              cluster.location().jdbcUrl(),
              "--catalog-user",
              cluster.location().user(),
              "--catalog-key-file",
              cluster.keyFile().toString()
            }));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
