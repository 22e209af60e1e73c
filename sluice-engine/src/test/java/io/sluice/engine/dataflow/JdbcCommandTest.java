package io.sluice.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.dataflow.pipeline.ErrorCodes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC Command (SSIS OLE DB Command) against a real PostgreSQL. */
class JdbcCommandTest {

  static EmbeddedPostgres postgres;
  static DataSource ds;

  @TempDir Path temp;
  private SimpleDataFlowEnvironment env;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    ds = postgres.getPostgresDatabase();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void tables() throws Exception {
    Postgres.execute(
        ds,
        "DROP TABLE IF EXISTS account",
        "CREATE TABLE account (id int PRIMARY KEY, balance numeric(10,2) CHECK (balance >= 0))",
        "INSERT INTO account VALUES (1, 100), (2, 100), (3, 100), (4, 100), (5, 100)");
    // account 3 cannot pay 150: the database refuses that row (the CHECK constraint)
    Path file =
        Flows.file(temp, "payments.txt", "1|10\n2|20\n3|150\n4|40\n5|50\n", StandardCharsets.UTF_8);
    env =
        Flows.environment(temp)
            .jdbc("db", ds::getConnection)
            .flatFile(
                "payments",
                file,
                Flows.settings(
                    """
                    delimiter: '|'
                    columns:
                      - {name: account, type: DT_I4}
                      - {name: amount, type: 'DT_NUMERIC,10,2'}
                    """))
            .build();
  }

  private static String flow(String settings) {
    return """
        components:
          - {name: Read, type: FlatFileSource, connection: payments}
          - name: Debit
            type: JdbcCommand
            input: Read
            connection: db
            statement: UPDATE account SET balance = balance - ? WHERE id = ?
            parameters: [amount, account]
        """
        + settings.indent(4)
        + """
          - {name: Passed, type: RecordsetDestination, input: Debit, variable: Rows}
          - {name: Refused, type: RecordsetDestination, input: {from: Debit, output: Error}, variable: Errors}
        """;
  }

  private static List<Integer> balances() throws Exception {
    return Postgres.query(ds, "SELECT balance FROM account ORDER BY id").stream()
        .map(r -> ((BigDecimal) r.get("balance")).intValueExact())
        .toList();
  }

  @Test
  void runsTheStatementForEveryRowInBatchesAndPassesTheRowsOn() throws Exception {
    Postgres.execute(ds, "UPDATE account SET balance = 1000 WHERE id = 3");

    DataFlowResult result = Flows.runOk(flow("batchSize: 2"), env);

    assertThat(balances()).containsExactly(90, 80, 850, 60, 50);
    assertThat(result.rows("Debit.Output -> Passed")).isEqualTo(5);
    assertThat(Flows.rows(env, "User::Rows"))
        .extracting(r -> r.get("account"))
        .containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void redirectsTheRowsTheDatabaseRefusesAndAppliesTheOthers() throws Exception {
    Flows.runOk(flow("batchSize: 2\nonError: redirect"), env);

    assertThat(balances()).containsExactly(90, 80, 100, 60, 50);
    assertThat(Flows.rows(env, "User::Rows"))
        .extracting(r -> r.get("account"))
        .containsExactly(1, 2, 4, 5);
    assertThat(Flows.rows(env, "User::Errors"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .containsEntry("account", 3)
                    .containsEntry("ErrorCode", ErrorCodes.DESTINATION_REJECTED)
                    .containsEntry("ErrorColumn", null));
  }

  @Test
  void aRefusedRowInsideABatchIsNamedByItsOwnNumber() throws Exception {
    // the doc's batchSize 1000 puts all five rows in one batch; PostgreSQL's driver marks every
    // entry of a refused batch as failed, and the message named input row 1 for the third row
    DataFlowResult result = Flows.run(flow("batchSize: 1000"), env);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.failure()).contains("input row 3:", "account_balance_check");
    assertThat(balances())
        .as("the refused batch is rolled back")
        .containsExactly(100, 100, 100, 100, 100);
  }

  @Test
  void ignoreKeepsARefusedRowInTheOutput() throws Exception {
    Flows.runOk(flow("batchSize: 1000\nonError: ignore"), env);

    assertThat(balances().get(2)).isEqualTo(100);
    assertThat(balances().get(4)).isEqualTo(50);
    assertThat(Flows.rows(env, "User::Rows")).hasSize(5);
    assertThat(Flows.rows(env, "User::Errors")).isEmpty();
  }

  @Test
  void aRefusedRowFailsTheFlowNamingTheComponentTheRowAndTheCause() throws Exception {
    DataFlowResult result = Flows.run(flow("batchSize: 2"), env);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.failure())
        .contains("component 'Debit'", "input row 3", "account_balance_check");
    // the batch before the refused one was committed, as SSIS commits row by row
    assertThat(balances().subList(0, 3)).containsExactly(90, 80, 100);
  }

  @Test
  void checksTheStatementAndItsParametersBeforeAnyRowMoves() {
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(flow("").replace("UPDATE account", "UPDATE nowhere")), env))
        .hasMessageContaining("component 'Debit' (JdbcCommand): the database refuses the statement")
        .hasMessageContaining("\"nowhere\" does not exist");
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(flow("").replace("[amount, account]", "[amount]")), env))
        .hasMessageContaining("the statement has 2 parameter mark(s) '?' but 'parameters' names 1");
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(flow("").replace("[amount, account]", "[amount, acount]")), env))
        .hasMessageContaining("acount");
    assertThatThrownBy(() -> DataFlowPlanner.plan(Flows.task(flow("batchSize: 0")), env))
        .hasMessageContaining("batchSize must be between 1 and 100000");
  }

  @Test
  void aMisspeltSettingIsRefusedWithASuggestion() {
    assertThatThrownBy(() -> DataFlowPlanner.plan(Flows.task(flow("batchSzie: 10")), env))
        .hasMessageContaining("unknown setting 'batchSzie'")
        .hasMessageContaining("did you mean 'batchSize'");
  }
}
