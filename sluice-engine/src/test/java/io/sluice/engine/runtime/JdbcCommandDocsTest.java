package io.sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/data-flow.md's JdbcCommand example, read from the page and run as a package. */
class JdbcCommandDocsTest {

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create table account (id int primary key, balance numeric check (balance >= 0))");
      s.execute("insert into account values (1, 100), (2, 100), (3, 100)");
      s.execute("create table payment (account int, amount numeric(10,2))");
      s.execute("insert into payment values (1, 10), (2, 500), (3, 30)");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  /** The first ```yaml block after {@code heading} in a page of docs/. */
  static String example(String page, String heading) throws Exception {
    String text = Files.readString(Path.of("..", "docs", page));
    int at = text.indexOf(heading);
    assertThat(at).as(heading + " in " + page).isNotNegative();
    int start = text.indexOf("```yaml\n", at) + "```yaml\n".length();
    return text.substring(start, text.indexOf("```", start));
  }

  @Test
  void theExampleOfDataFlowMdDebitsTheAccountsAndCountsTheRefusedPayment() throws Exception {
    String yaml = example("data-flow.md", "### JdbcCommand");
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
    assertThat(sink.messages(MessageType.INFORMATION))
        .contains("3 rows ran the command, 1 refused.");
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        ResultSet rs =
            c.createStatement().executeQuery("select balance from account order by id")) {
      StringBuilder balances = new StringBuilder();
      while (rs.next()) {
        balances.append(rs.getBigDecimal(1).intValueExact()).append(' ');
      }
      assertThat(balances.toString()).isEqualTo("90 100 70 ");
    }
  }
}
