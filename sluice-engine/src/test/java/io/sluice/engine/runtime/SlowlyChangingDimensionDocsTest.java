package io.sluice.engine.runtime;

import static io.sluice.engine.runtime.JdbcCommandDocsTest.example;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/data-flow.md's SlowlyChangingDimension examples (the wizard's flow with a current flag, and
 * with start and end dates), read from the page and run as packages on a real PostgreSQL.
 */
class SlowlyChangingDimensionDocsTest {

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
    execute(
        """
        create table stg_customer (customer_id int, name varchar(50), city varchar(50), born date);
        insert into stg_customer values (1, 'Ann', 'Bergen', '1980-01-01'),
          (2, 'Bobby', 'Bergen', '1981-01-01'), (3, 'Cid', 'Oslo', '1982-01-01'),
          (4, 'Dan', 'Tromsø', '1983-01-01'), (5, 'Eve', 'Bodø', '1984-01-01');
        create table dim_customer (sk serial primary key, customer_id int, name varchar(50),
          city varchar(50), born date, is_current boolean, inferred boolean default false);
        insert into dim_customer (customer_id, name, city, born, is_current, inferred) values
          (1, 'Ann', 'Bergen', '1980-01-01', true, false),
          (2, 'Bob', 'Bergen', '1981-01-01', true, false),
          (3, 'Cid', 'Bergen', '1982-01-01', true, false),
          (4, null, null, null, true, true);
        create table dim_customer_dated (sk serial primary key, customer_id int, name varchar(50),
          city varchar(50), born date, start_date timestamp, end_date timestamp);
        insert into dim_customer_dated (customer_id, name, city, born, start_date) values
          (1, 'Ann', 'Bergen', '1980-01-01', '2020-01-01'),
          (2, 'Bob', 'Bergen', '1981-01-01', '2020-01-01'),
          (3, 'Cid', 'Bergen', '1982-01-01', '2020-01-01'),
          (4, 'Dan', 'Tromsø', '1983-01-01', '2020-01-01');
        """);
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static void execute(String sql) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static List<String> rows(String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  private static void run(String yaml) {
    RecordingSink sink = new RecordingSink();
    RunResult result =
        TestProjects.project(
                """
                name: docs
                connections:
                  - {name: warehouse, type: jdbc, url: 'URL', user: postgres}
                """
                    .replace("URL", postgres.getJdbcUrl("postgres", "postgres")))
            .file("packages/p.yaml", yaml)
            .run("p", sink);
    assertThat(result.succeeded()).as(sink.messages(MessageType.ERROR).toString()).isTrue();
  }

  @Test
  void theCurrentFlagExampleLeavesTheDimensionAsSsisWizardsFlowDoes() throws Exception {
    run(example("data-flow.md", "### SlowlyChangingDimension"));

    assertThat(
            rows(
                "select customer_id, name, city, is_current, inferred from dim_customer"
                    + " order by customer_id, sk"))
        .containsExactly(
            "[1, Ann, Bergen, true, false]",
            "[2, Bobby, Bergen, true, false]", // type 1: overwritten
            "[3, Cid, Bergen, false, false]", // type 2: expired ...
            "[3, Cid, Oslo, true, false]", // ... and a new current row
            "[4, Dan, Tromsø, true, false]", // the inferred member filled in
            "[5, Eve, Bodø, true, false]"); // new
  }

  @Test
  void theStartAndEndDateExampleClosesTheOldRowAndOpensANewOne() throws Exception {
    run(example("data-flow.md", "With start and end dates instead of a flag"));

    List<String> rows =
        rows(
            "select customer_id, name, city, start_date = timestamp '2020-01-01',"
                + " end_date is null from dim_customer_dated order by customer_id, sk");
    assertThat(rows)
        .containsExactly(
            "[1, Ann, Bergen, true, true]",
            "[2, Bobby, Bergen, true, true]",
            "[3, Cid, Bergen, true, false]",
            "[3, Cid, Oslo, false, true]",
            "[4, Dan, Tromsø, true, true]",
            "[5, Eve, Bodø, false, true]");
    // the closed row's end date is the new row's start date: the package's start time (within a
    // microsecond: JdbcCommand's bound timestamp is rounded by the server, COPY's is truncated)
    assertThat(
            rows(
                "select count(*) from dim_customer_dated o join dim_customer_dated n"
                    + " on o.customer_id = n.customer_id"
                    + " and abs(extract(epoch from o.end_date - n.start_date)) < 0.000002"))
        .containsExactly("[1]");
  }
}
