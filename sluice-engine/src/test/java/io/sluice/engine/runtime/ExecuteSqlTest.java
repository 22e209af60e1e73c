package io.sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Execute SQL against a real PostgreSQL. */
class ExecuteSqlTest {

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("alter user postgres with password 'secret'");
      s.execute("create table currency (code text primary key, rate numeric)");
      s.execute("insert into currency values ('EUR', 1.10), ('GBP', 1.25), ('USD', 1.00)");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static TestProjects project(String packageYaml) {
    return TestProjects.project(
            """
            name: sql
            parameters:
              - {name: Url, type: String, default: 'URL'}
              - {name: Password, type: String, sensitive: true, default: secret}
            connections:
              - name: Db
                type: jdbc
                user: postgres
                expressions:
                  url: '@[$Project::Url]'
                  password: '@[$Project::Password]'
            """
                .replace("URL", postgres.getJdbcUrl("postgres", "postgres")))
        .file("packages/p.yaml", packageYaml)
        .file("sql/insert.sql", "insert into currency values (?, ?)");
  }

  @Test
  void bindsParametersReadsASingleRowAndRunsAFileOfTheProject() throws Exception {
    String yaml =
        """
        variables:
          - {name: Code, type: String, value: CHF}
          - {name: Rate, type: Decimal, value: "0.95"}
          - {name: Count, type: Int32, value: 0}
          - {name: Max, type: String, value: ""}
        tasks:
          - name: Insert
            type: ExecuteSql
            connection: Db
            file: sql/insert.sql
            parameters:
              - {variable: User::Code}
              - {variable: User::Rate}
          - name: Count
            type: ExecuteSql
            after: Insert
            connection: Db
            statement: select count(*) as n, max(code) as top from currency where rate < ?
            parameters: [{variable: User::Rate, direction: input}]
            resultSet: singleRow
            results: {n: User::Count, 1: User::Max}
        """;
    RecordingSink sink = new RecordingSink();
    RunResult result = project(yaml).run("p", sink);

    assertThat(result.succeeded()).as(sink.messages(MessageType.ERROR).toString()).isTrue();
    assertThat(sink.messages(MessageType.INFORMATION)).contains("1 row(s) affected");
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        ResultSet rs =
            c.createStatement().executeQuery("select rate from currency where code = 'CHF'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("0.95");
    }
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("delete from currency where code = 'CHF'");
    }
  }

  @Test
  void aFullResultSetInAVariableFeedsAForeachLoop() {
    String yaml =
        """
        variables:
          - {name: Rows, type: Object}
          - {name: Code, type: String, value: ""}
          - {name: Log, type: String, value: ""}
        tasks:
          - name: Read
            type: ExecuteSql
            connection: Db
            statement: select code, rate from currency order by code
            resultSet: fullResultSet
            results: {0: User::Rows}
          - name: Each
            type: ForeachLoop
            after: Read
            enumerator: {type: variable, variable: User::Rows}
            variableMappings: {User::Code: 0}
            tasks:
              - name: Append
                type: Expression
                expression: '@[User::Log] = @[User::Log] + @[User::Code] + ";"'
        """;
    RecordingSink sink = new RecordingSink();
    RunResult result = project(yaml).run("p", sink);

    assertThat(result.succeeded()).as(sink.messages(MessageType.ERROR).toString()).isTrue();
    assertThat(sink.messages(MessageType.INFORMATION)).contains("User::Log = EUR;GBP;USD;");
  }

  @Test
  void aBatchReportsTheRowsAffectedOfEachStatement() {
    String yaml =
        """
        tasks:
          - name: Batch
            type: ExecuteSql
            connection: Db
            statement: |
              create table batch_demo (id int primary key);
              insert into batch_demo values (1), (2), (3);
              update batch_demo set id = id + 10 where id > 1;
              drop table batch_demo
        """;
    RecordingSink sink = new RecordingSink();
    RunResult result = project(yaml).run("p", sink);

    assertThat(result.succeeded()).as(sink.messages(MessageType.ERROR).toString()).isTrue();
    assertThat(sink.messages(MessageType.INFORMATION))
        .contains(
            "statement 1 of 4: 0 row(s) affected",
            "statement 2 of 4: 3 row(s) affected",
            "statement 3 of 4: 2 row(s) affected",
            "statement 4 of 4: 0 row(s) affected");
  }

  @Test
  void theFirstResultSetOfABatchFeedsAForeachLoopMappedByColumnIndex() {
    String yaml =
        """
        variables:
          - {name: Rows, type: Object}
          - {name: Code, type: String, value: ""}
          - {name: Rate, type: Decimal, value: "0"}
          - {name: Log, type: String, value: ""}
        tasks:
          - name: Read
            type: ExecuteSql
            connection: Db
            statement: |
              update currency set rate = rate where code = 'USD';
              select code, rate from currency where rate > 1 order by code;
              select 'second table is ignored'
            resultSet: fullResultSet
            results: {0: User::Rows}
          - name: Each
            type: ForeachLoop
            after: Read
            enumerator: {type: variable, variable: User::Rows}
            variableMappings: {User::Rate: 1, User::Code: 0}
            tasks:
              - name: Append
                type: Expression
                expression: >-
                  @[User::Log] = @[User::Log] + @[User::Code] + "="
                  + (DT_WSTR, 10) @[User::Rate] + ";"
        """;
    RecordingSink sink = new RecordingSink();
    RunResult result = project(yaml).run("p", sink);

    assertThat(result.succeeded()).as(sink.messages(MessageType.ERROR).toString()).isTrue();
    assertThat(sink.messages(MessageType.INFORMATION))
        .contains("statement 1 of 3: 1 row(s) affected", "User::Log = EUR=1.10;GBP=1.25;");
  }

  @Test
  void aReturnValueStillReachesItsVariableAfterTheResultsAreRead() {
    String yaml =
        """
        variables:
          - {name: In, type: String, value: chf}
          - {name: Out, type: String, value: ""}
        tasks:
          - name: Call
            type: ExecuteSql
            connection: Db
            statement: '{? = call upper(?)}'
            parameters:
              - {variable: User::Out, direction: returnValue}
              - {variable: User::In}
          - {name: Show, type: Expression, after: Call, expression: '@[User::Out] = @[User::Out]'}
        """;
    RecordingSink sink = new RecordingSink();
    RunResult result = project(yaml).run("p", sink);

    assertThat(result.succeeded()).as(sink.messages(MessageType.ERROR).toString()).isTrue();
    assertThat(sink.messages(MessageType.INFORMATION)).contains("User::Out = CHF");
  }

  @Test
  void aStatementTheDatabaseRefusesFailsTheTaskNamingTheCause() {
    String yaml =
        """
        tasks:
          - {name: Bad, type: ExecuteSql, connection: Db, statement: insert into no_such_table values (1)}
        """;
    RecordingSink sink = new RecordingSink();
    RunResult result = project(yaml).run("p", sink);

    assertThat(result.status()).isEqualTo(RunResult.Status.FAILURE);
    assertThat(sink.sources(MessageType.ERROR)).contains("Bad");
    // One line, as every error: PostgreSQL's "Position: 13" on a line of its own is folded in
    assertThat(sink.messages(MessageType.ERROR))
        .contains(
            "relation \"no_such_table\" does not exist at character 13 of the statement"
                + " [SQLSTATE 42P01]");
  }

  @Test
  void cancelStopsALongStatementPromptly() throws Exception {
    String yaml =
        """
        tasks:
          - {name: Sleep, type: ExecuteSql, connection: Db, statement: select pg_sleep(60)}
        """;
    RecordingSink sink = new RecordingSink();
    CancellationToken token = new CancellationToken();
    TestProjects project = project(yaml);
    CompletableFuture<RunResult> run =
        CompletableFuture.supplyAsync(
            () ->
                project.run(
                    "p",
                    ParameterValues.none(),
                    RunOptions.defaults().withCancellation(token),
                    sink));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> sink.sources(MessageType.PRE_EXECUTE).contains("Sleep"));
    Thread.sleep(300); // let the statement reach the server
    Instant asked = Instant.now();
    token.cancel();
    RunResult result = run.get(10, TimeUnit.SECONDS);

    assertThat(result.status()).isEqualTo(RunResult.Status.CANCELED);
    assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void aConnectionPropertyExpressionTakesTheParameterValueOfTheRun() {
    String yaml =
        """
        tasks:
          - {name: Select, type: ExecuteSql, connection: Db, statement: select 1}
        """;
    RecordingSink sink = new RecordingSink();
    RunResult result =
        project(yaml)
            .run(
                "p",
                ParameterValues.none()
                    .withProject("Url", postgres.getJdbcUrl("postgres", "no_such_db")),
                RunOptions.defaults(),
                sink);

    assertThat(result.status()).isEqualTo(RunResult.Status.FAILURE);
    assertThat(sink.messages(MessageType.ERROR))
        .anySatisfy(m -> assertThat(m).contains("connection 'Db'").contains("no_such_db"));
  }
}
