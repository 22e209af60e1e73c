package io.sluice.engine.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.type.DataType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Slowly Changing Dimension against a dimension table in a real PostgreSQL. */
class SlowlyChangingDimensionTest {

  static EmbeddedPostgres postgres;
  static DataSource ds;
  static final LocalDateTime START = LocalDateTime.of(2026, 12, 7, 21, 0);

  @TempDir Path temp;
  private SimpleDataFlowEnvironment env;
  private final Flows.Events events = new Flows.Events();

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    ds = postgres.getPostgresDatabase();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  /**
   * Customer 1 unchanged, 2 moves nothing but its name (type 1), 3 moves city (type 2; its expired
   * row from Oslo must not count), 4 changes both, 5 is new. Birth date is fixed.
   */
  @BeforeEach
  void tables() throws Exception {
    Postgres.execute(
        ds,
        "DROP TABLE IF EXISTS dim_customer, dim_dated, stg_customer",
        """
        CREATE TABLE dim_customer (sk serial PRIMARY KEY, customer_id int, name varchar(50),
          city varchar(50), born date, is_current boolean, inferred boolean DEFAULT false)""",
        """
        INSERT INTO dim_customer (customer_id, name, city, born, is_current) VALUES
          (1, 'Ann', 'Bergen', '1980-01-01', true),
          (2, 'Bob', 'Bergen', '1981-01-01', true),
          (3, 'Cid', 'Oslo', '1982-01-01', false),
          (3, 'Cid', 'Bergen', '1982-01-01', true),
          (4, 'Dan', 'Bergen', '1983-01-01', true)""",
        """
        CREATE TABLE dim_dated (sk serial PRIMARY KEY, customer_id int, name varchar(50),
          city varchar(50), born date, start_date timestamp, end_date timestamp)""",
        """
        INSERT INTO dim_dated (customer_id, name, city, born, start_date, end_date) VALUES
          (1, 'Ann', 'Bergen', '1980-01-01', '2020-01-01', NULL),
          (2, 'Bob', 'Bergen', '1981-01-01', '2020-01-01', NULL),
          (3, 'Cid', 'Oslo', '1982-01-01', '2019-01-01', '2020-01-01'),
          (3, 'Cid', 'Bergen', '1982-01-01', '2020-01-01', NULL),
          (4, 'Dan', 'Bergen', '1983-01-01', '2020-01-01', NULL)""",
        """
        CREATE TABLE stg_customer (customer_id int, name varchar(50), city varchar(50),
          born date)""",
        """
        INSERT INTO stg_customer VALUES
          (1, 'Ann', 'Bergen', '1980-01-01'),
          (2, 'Bobby', 'Bergen', '1981-01-01'),
          (3, 'Cid', 'Oslo', '1982-01-01'),
          (4, 'Daniel', 'Tromsø', '1983-01-01'),
          (5, 'Eve', 'Bodø', '1984-01-01')""");
    env =
        Flows.environment(temp)
            .jdbc("db", ds::getConnection)
            .events(events)
            .objectVariable("User::New")
            .objectVariable("User::Changing")
            .objectVariable("User::Historical")
            .objectVariable("User::Fixed")
            .objectVariable("User::Inferred")
            .objectVariable("User::Unchanged")
            .variable("System::StartTime", DataType.DATE, START)
            .build();
  }

  private static final String SCD =
      """
      components:
        - {name: Read, type: JdbcSource, connection: db, query: 'SELECT * FROM stg_customer ORDER BY customer_id'}
        - name: Scd
          type: SlowlyChangingDimension
          input: Read
          connection: db
          table: dim_customer
          businessKey: [customer_id]
          columns: {name: changing, city: historical, born: fixed}
          historicalBy: {currentFlag: {column: is_current, current: true, expired: false}}
      """;

  private static String everyOutput(String scd) {
    StringBuilder yaml = new StringBuilder(scd);
    for (String output :
        List.of("New", "Changing", "Historical", "Fixed", "Inferred", "Unchanged")) {
      yaml.append(
          "  - {name: %s, type: RecordsetDestination, input: {from: Scd, output: %s}, variable: User::%s}\n"
              .formatted(output, output, output));
    }
    return yaml.toString();
  }

  private List<Object> ids(String variable) {
    return Flows.rows(env, variable).stream().map(r -> r.get("customer_id")).toList();
  }

  /**
   * SSIS's CurrentRowWhere on a bit column is {@code [IsCurrent] = 1}: imported, the flag's value
   * is 1, which a PostgreSQL boolean column's true must match; without {@code expired}, which the
   * component only records.
   */
  @Test
  void aBooleanFlagMatchesOneAndExpiredMayBeLeftOut() throws Exception {
    Flows.runOk(
        everyOutput(
            SCD.replace(
                "{currentFlag: {column: is_current, current: true, expired: false}}",
                "{currentFlag: {column: is_current, current: 1}}")),
        env);

    assertThat(ids("User::New")).containsExactly(5);
    assertThat(ids("User::Unchanged")).containsExactly(1);
    assertThat(ids("User::Historical")).containsExactly(3, 4);
  }

  @Test
  void routesEachRowByWhatChangedComparedWithTheCurrentRow() throws Exception {
    DataFlowResult result = Flows.runOk(everyOutput(SCD), env);

    assertThat(ids("User::New")).containsExactly(5);
    assertThat(ids("User::Unchanged")).containsExactly(1);
    assertThat(ids("User::Changing")).containsExactly(2, 4);
    assertThat(ids("User::Historical")).containsExactly(3, 4);
    assertThat(ids("User::Fixed")).isEmpty();
    assertThat(ids("User::Inferred")).isEmpty();
    // every output carries the input row as it came
    assertThat(Flows.rows(env, "User::Historical").get(1))
        .containsEntry("name", "Daniel")
        .containsEntry("city", "Tromsø")
        .hasSize(4);
    assertThat(result.rows("Scd.New -> New")).isEqualTo(1);
    assertThat(events.messages())
        .contains(
            "The Slowly Changing Dimension cached 4 current rows of dim_customer.",
            "Slowly Changing Dimension rows: New 1, Changing 2, Historical 2, Fixed 0,"
                + " Inferred 0, Unchanged 1.");
  }

  /**
   * What SSIS's wizard generates, in YAML: the dimension ends as SSIS leaves it. With
   * updateAllMatchingRecords the type 1 update has no current-row condition, so customer 4's
   * expired row gets the new name too, whichever of the two updates runs first.
   */
  @Test
  void theWizardFlowUpdatesExpiresAndInsertsAsSsisDoes() throws Exception {
    String yaml =
        SCD
            + """
                updateAllMatchingRecords: true
              - name: Update changing
                type: JdbcCommand
                input: {from: Scd, output: Changing}
                connection: db
                statement: UPDATE dim_customer SET name = ? WHERE customer_id = ?
                parameters: [name, customer_id]
              - name: Expire
                type: JdbcCommand
                input: {from: Scd, output: Historical}
                connection: db
                statement: UPDATE dim_customer SET is_current = false WHERE customer_id = ? AND is_current
                parameters: [customer_id]
              - {name: Union, type: UnionAll, inputs: [{from: Scd, output: New}, Expire]}
              - name: Current
                type: DerivedColumn
                input: Union
                columns: [{name: is_current, expression: 'TRUE'}]
              - {name: Insert, type: JdbcDestination, input: Current, connection: db, table: dim_customer}
            """;

    Flows.runOk(yaml, env);

    assertThat(
            Postgres.query(
                    ds,
                    "SELECT customer_id, name, city, is_current FROM dim_customer"
                        + " ORDER BY customer_id, is_current, sk")
                .stream()
                .map(Map::values)
                .map(Object::toString)
                .toList())
        .containsExactly(
            "[1, Ann, Bergen, true]",
            "[2, Bobby, Bergen, true]",
            "[3, Cid, Oslo, false]",
            "[3, Cid, Bergen, false]",
            "[3, Cid, Oslo, true]",
            "[4, Daniel, Bergen, false]",
            "[4, Daniel, Tromsø, true]",
            "[5, Eve, Bodø, true]");
  }

  @Test
  void startAndEndDatesTellTheCurrentRowAndTheWizardFlowClosesIt() throws Exception {
    String yaml =
        SCD.replace("table: dim_customer", "table: dim_dated")
                .replace(
                    "{currentFlag: {column: is_current, current: true, expired: false}}",
                    "{startDate: start_date, endDate: end_date}")
                .replace("columns: {name: changing", "columns: {name: historical")
            + """
              - name: Expire
                type: DerivedColumn
                input: {from: Scd, output: Historical}
                columns: [{name: end_date, expression: '@[System::StartTime]'}]
              - name: Close
                type: JdbcCommand
                input: Expire
                connection: db
                statement: UPDATE dim_dated SET end_date = ? WHERE customer_id = ? AND end_date IS NULL
                parameters: [end_date, customer_id]
              - {name: Union, type: UnionAll, inputs: [{from: Scd, output: New}, Close], columns: [customer_id, name, city, born]}
              - name: Start
                type: DerivedColumn
                input: Union
                columns: [{name: start_date, expression: '@[System::StartTime]'}]
              - {name: Insert, type: JdbcDestination, input: Start, connection: db, table: dim_dated}
              - {name: Same, type: RecordsetDestination, input: {from: Scd, output: Unchanged}, variable: User::Unchanged}
            """;

    Flows.runOk(yaml, env);

    assertThat(ids("User::Unchanged")).containsExactly(1);
    assertThat(
            Postgres.query(
                    ds,
                    "SELECT customer_id, name, city, start_date, end_date FROM dim_dated"
                        + " ORDER BY customer_id, start_date, sk")
                .stream()
                .map(r -> r.values().toString())
                .toList())
        .containsExactly(
            "[1, Ann, Bergen, 2020-01-01 00:00:00.0, null]",
            "[2, Bob, Bergen, 2020-01-01 00:00:00.0, 2026-12-07 21:00:00.0]",
            "[2, Bobby, Bergen, 2026-12-07 21:00:00.0, null]",
            "[3, Cid, Oslo, 2019-01-01 00:00:00.0, 2020-01-01 00:00:00.0]",
            "[3, Cid, Bergen, 2020-01-01 00:00:00.0, 2026-12-07 21:00:00.0]",
            "[3, Cid, Oslo, 2026-12-07 21:00:00.0, null]",
            "[4, Dan, Bergen, 2020-01-01 00:00:00.0, 2026-12-07 21:00:00.0]",
            "[4, Daniel, Tromsø, 2026-12-07 21:00:00.0, null]",
            "[5, Eve, Bodø, 2026-12-07 21:00:00.0, null]");
  }

  @Test
  void aChangedFixedAttributeFailsTheFlowOrGoesToTheFixedOutput() throws Exception {
    Postgres.execute(ds, "UPDATE stg_customer SET born = '1999-09-09' WHERE customer_id = 2");

    DataFlowResult failed = Flows.run(everyOutput(SCD), env);

    assertThat(failed.succeeded()).isFalse();
    assertThat(failed.failure())
        .contains(
            "component 'Scd' failed",
            "a fixed attribute changed (customer_id = 2): born was 1981-01-01, now 1999-09-09",
            "fixedAttributeChange: redirect");

    Flows.runOk(everyOutput(SCD + "    fixedAttributeChange: redirect\n"), env);

    assertThat(ids("User::Fixed")).containsExactly(2);
    assertThat(ids("User::Changing")).containsExactly(4); // a fixed change goes to Fixed only
  }

  @Test
  void anInferredMemberGoesToTheInferredOutput() throws Exception {
    Postgres.execute(
        ds,
        "UPDATE dim_customer SET inferred = true WHERE customer_id = 4",
        "INSERT INTO dim_customer (customer_id, is_current) VALUES (5, true)");
    String redirect = SCD + "    fixedAttributeChange: redirect\n";

    Flows.runOk(everyOutput(redirect + "    inferredMembers: {indicator: inferred}\n"), env);

    assertThat(ids("User::Inferred")).containsExactly(4);
    assertThat(ids("User::Changing")).containsExactly(2);
    assertThat(ids("User::New")).isEmpty();
    assertThat(ids("User::Fixed")).containsExactly(5); // no indicator: its NULL born changed

    Flows.runOk(everyOutput(redirect + "    inferredMembers: allNull\n"), env);

    assertThat(ids("User::Inferred")).containsExactly(5); // all its typed columns are NULL
    assertThat(ids("User::Changing")).containsExactly(2, 4);
  }

  /**
   * A business key of two columns, the input's of other types than the table's (bigint and text
   * against int and varchar): the dimension's values are converted to the input's types.
   */
  @Test
  void aCompositeKeyMatchesAcrossTypesAndWithoutHistoryEveryRowIsCurrent() throws Exception {
    String yaml =
        everyOutput(
            SCD.replace(
                    "SELECT * FROM stg_customer ORDER BY customer_id",
                    "SELECT customer_id::bigint AS customer_id, born, name::text AS name, city"
                        + " FROM stg_customer ORDER BY customer_id")
                .replace("businessKey: [customer_id]", "businessKey: [customer_id, born]")
                .replace("city: historical, born: fixed", "city: changing")
                .replace(
                    "historicalBy: {currentFlag: {column: is_current, current: true, expired:"
                        + " false}}",
                    ""));

    Flows.runOk(yaml, env);

    assertThat(ids("User::New")).containsExactly(5L);
    assertThat(ids("User::Changing")).containsExactly(2L, 4L);
    // without history both rows of 3 are current; it is compared with the first read, Oslo
    assertThat(ids("User::Unchanged")).containsExactly(1L, 3L);
    assertThat(events.messages())
        .contains(
            "1 current rows repeat a business key; the Slowly Changing Dimension compares with the"
                + " first of each.");
  }

  @Test
  void checksTheDimensionAndTheSettingsBeforeAnyRowMoves() {
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(SCD.replace("table: dim_customer", "table: dim_nowhere")), env))
        .hasMessageContaining("component 'Scd' (SlowlyChangingDimension)")
        .hasMessageContaining("the dimension table 'dim_nowhere' cannot be read");
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(SCD.replace("column: is_current", "column: current")), env))
        .hasMessageContaining("the dimension table 'dim_customer' has no current column 'current'");
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(SCD.replace("city: historical", "city: historic")), env))
        .hasMessageContaining("column 'city' has change type 'historic'");
    assertThatThrownBy(
            () ->
                DataFlowPlanner.plan(
                    Flows.task(SCD.replace("historicalBy:", "historicalByy:")), env))
        .hasMessageContaining("unknown setting 'historicalByy'")
        .hasMessageContaining("did you mean 'historicalBy'");
  }
}
