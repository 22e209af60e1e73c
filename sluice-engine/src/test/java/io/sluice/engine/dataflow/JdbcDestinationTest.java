package io.sluice.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.dataflow.pipeline.ErrorCodes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcDestinationTest {

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
        "DROP TABLE IF EXISTS target",
        """
        CREATE TABLE target (
          id int PRIMARY KEY, big bigint, amount numeric(12,3), name varchar(20), day date,
          at timestamp, flag boolean, ratio float8, note text CHECK (note <> 'forbidden'))
        """);
    Path file =
        Flows.file(
            temp,
            "rows.txt",
            "1|9000000000|-12.5|Zoë|2024-02-29|2024-02-29 13:45:01.123|true|0.25|tab\there\n"
                + "2||0.001|||||1e-3|back\\slash\n"
                + "3|3|12345678.999|x|1999-12-31|2000-01-01 00:00:00|false|-1|forbidden\n",
            StandardCharsets.UTF_8);
    env =
        Flows.environment(temp)
            .jdbc("db", ds::getConnection)
            .flatFile(
                "input",
                file,
                Flows.settings(
                    """
                    delimiter: '|'
                    retainNulls: true
                    columns:
                      - {name: id, type: DT_I4}
                      - {name: big, type: DT_I8}
                      - {name: amount, type: 'DT_NUMERIC,12,3'}
                      - {name: name, type: 'DT_WSTR,20'}
                      - {name: day, type: DT_DBDATE}
                      - {name: at, type: DT_DBTIMESTAMP}
                      - {name: flag, type: DT_BOOL}
                      - {name: ratio, type: DT_R8}
                      - {name: note, type: 'DT_WSTR,50'}
                    """))
            .build();
  }

  private static String load(String settings) {
    return """
        components:
          - {name: Read, type: FlatFileSource, connection: input}
          - name: Load
            type: JdbcDestination
            input: Read
            connection: db
            table: target
        """
        + settings.indent(4)
        + """
          - {name: Refused, type: RecordsetDestination, input: {from: Load, output: Error}, variable: Errors}
        """;
  }

  @Test
  void fastLoadWritesEveryTypeExactly() throws Exception {
    Postgres.execute(ds, "ALTER TABLE target DROP CONSTRAINT target_note_check");

    DataFlowResult result = Flows.runOk(load("tableLock: true"), env);

    assertThat(result.rows("Read.Output -> Load")).isEqualTo(3);
    List<Map<String, Object>> rows = Postgres.query(ds, "SELECT * FROM target ORDER BY id");
    assertThat(rows.get(0))
        .containsEntry("big", 9_000_000_000L)
        .containsEntry("amount", new BigDecimal("-12.500"))
        .containsEntry("name", "Zoë")
        .containsEntry("day", Date.valueOf("2024-02-29"))
        .containsEntry("at", Timestamp.valueOf("2024-02-29 13:45:01.123"))
        .containsEntry("flag", true)
        .containsEntry("ratio", 0.25)
        .containsEntry("note", "tab\there");
    assertThat(rows.get(1))
        .containsEntry("big", null)
        .containsEntry("amount", new BigDecimal("0.001"))
        .containsEntry("ratio", 0.001)
        .containsEntry("note", "back\\slash");
    assertThat(rows.get(2)).containsEntry("amount", new BigDecimal("12345678.999"));
  }

  /**
   * SSIS packages name tables as SQL Server keeps them ([dbo].[FactCurrency]); in PostgreSQL the
   * unquoted name was folded to lower case, and the load must write where planning found it.
   */
  @Test
  void aTableNamedInAnotherCaseIsLoadedWhereItWasFound() throws Exception {
    Postgres.execute(ds, "ALTER TABLE target DROP CONSTRAINT target_note_check");

    Flows.runOk(load("tableLock: true").replace("table: target", "table: PUBLIC.Target"), env);

    assertThat(Postgres.count(ds, "target")).isEqualTo(3);
  }

  @Test
  void aRefusedRowFailsTheLoadAndLeavesTheTableUnchanged() throws Exception {
    DataFlowResult result = Flows.run(load(""), env);

    assertThat(result.failure()).contains("component 'Load'", "target_note_check");
    assertThat(Postgres.count(ds, "target")).isZero();
  }

  @Test
  void redirectsRefusedRowsWithBatchedInserts() throws Exception {
    Flows.runOk(load("onError: redirect\nbatchSize: 2\ncommitSize: 2"), env);

    assertThat(Postgres.query(ds, "SELECT id FROM target ORDER BY id"))
        .extracting(r -> r.get("id"))
        .containsExactly(1, 2);
    assertThat(Flows.rows(env, "User::Errors"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r)
                    .containsEntry("id", 3)
                    .containsEntry("ErrorCode", ErrorCodes.DESTINATION_REJECTED));
  }

  @Test
  void textCopyWhenAColumnHasNoBinaryForm() throws Exception {
    // A DT_R8 into numeric has no binary form here: the load falls back to text COPY.
    Postgres.execute(ds, "ALTER TABLE target ALTER COLUMN ratio TYPE numeric(10,4)");

    Flows.runOk(load("mappings: {id: id, ratio: ratio}"), env);

    assertThat(Postgres.query(ds, "SELECT ratio FROM target ORDER BY id"))
        .extracting(r -> r.get("ratio"))
        .containsExactly(
            new BigDecimal("0.2500"), new BigDecimal("0.0010"), new BigDecimal("-1.0000"));
  }

  @Test
  void checksTheTableAndMappingsBeforeAnyRowMoves() {
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(load("").replace("table: target", "table: nowhere")), env))
        .hasMessageContaining("component 'Load' (JdbcDestination): table 'nowhere' does not exist");
    assertThatThrownBy(() -> DataFlowPlanner.plan(Flows.task(load("mappings: {nope: id}")), env))
        .hasMessageContaining("table 'target' has no column 'nope'");
  }
}
