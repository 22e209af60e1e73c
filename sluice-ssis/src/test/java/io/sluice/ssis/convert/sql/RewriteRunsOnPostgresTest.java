package io.sluice.ssis.convert.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.ssis.convert.sql.TsqlCheck.Action;
import io.sluice.ssis.xml.SafeXml;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Rewritten statements run on a real PostgreSQL (embedded, zonky): the rewrite gives PostgreSQL,
 * and the same rows as SQL Server would. The tables are made as a migration from SQL Server makes
 * them: schema dbo, names quoted with their case.
 */
class RewriteRunsOnPostgresTest {

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("create schema dbo");
      s.execute(
          "create table dbo.\"DimCurrency\" (\"CurrencyKey\" int primary key,"
              + " \"CurrencyAlternateKey\" char(3), \"CurrencyName\" varchar(50))");
      s.execute(
          "insert into dbo.\"DimCurrency\" values (3, 'ARS', 'Argentine Peso'),"
              + " (6, 'AUD', 'Australian Dollar'), (100, 'USD', 'US Dollar  '), (1, 'AFA', null)");
      s.execute(
          "create table dbo.\"DimDate\" (\"DateKey\" int primary key,"
              + " \"FullDateAlternateKey\" date)");
      s.execute(
          "insert into dbo.\"DimDate\" values (20050101, '2005-01-01'), (20050102, '2005-01-02')");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static Connection connect() throws Exception {
    return postgres.getPostgresDatabase().getConnection();
  }

  private static String postgresSql(String tsql) {
    TsqlCheck.Result r = TsqlCheck.check(tsql, true);
    assertThat(r.findings()).noneMatch(f -> f.action() == Action.REFUSED);
    return r.sql();
  }

  /**
   * The SqlCommand and SqlCommandParam properties of the tutorial's Lookup components, as written
   * in Lesson1.dtsx.
   */
  private static List<String> lesson1Lookups() {
    Path lesson1 = Path.of("..", "datasets", "ssis-tutorial", "Lesson1.dtsx");
    NodeList properties = SafeXml.read(lesson1).getElementsByTagName("property");
    List<String> sql = new ArrayList<>();
    for (int i = 0; i < properties.getLength(); i++) {
      Element p = (Element) properties.item(i);
      if (p.getAttribute("name").startsWith("SqlCommand") && !p.getTextContent().isBlank()) {
        sql.add(p.getTextContent());
      }
    }
    return sql;
  }

  @Test
  void theTutorialsLookupQueriesRunOnPostgresqlOnceRewritten() throws Exception {
    List<String> lookups =
        lesson1Lookups().stream().filter(sql -> sql.contains("refTable")).toList();
    // Lookup Currency Key: its query and its parameterised query; Lookup Date Key: the latter.
    assertThat(lookups).hasSize(3);
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet currencies = s.executeQuery(postgresSql(lookups.get(0)))) {
      List<String> codes = new ArrayList<>();
      while (currencies.next()) {
        codes.add(currencies.getString("CurrencyAlternateKey"));
      }
      assertThat(codes).containsExactlyInAnyOrder("ARS", "AUD", "USD");
    }
    try (Connection c = connect();
        PreparedStatement p = c.prepareStatement(postgresSql(lookups.get(1)))) {
      p.setString(1, "AUD");
      try (ResultSet r = p.executeQuery()) {
        assertThat(r.next()).isTrue();
        assertThat(r.getInt("CurrencyKey")).isEqualTo(6);
      }
    }
    String dates = postgresSql(lookups.get(2));
    assertThat(dates)
        .isEqualTo(
            "select * from (select * from \"dbo\".\"DimDate\") \"refTable\"\n"
                + "where \"refTable\".\"FullDateAlternateKey\" = ?");
    try (Connection c = connect();
        PreparedStatement p = c.prepareStatement(dates)) {
      p.setDate(1, Date.valueOf("2005-01-02"));
      try (ResultSet r = p.executeQuery()) {
        assertThat(r.next()).isTrue();
        assertThat(r.getInt("DateKey")).isEqualTo(20050102);
      }
    }
  }

  @Test
  void eachRewriteIsValidPostgresqlWithTheSameResult() throws Exception {
    String tsql =
        "SET NOCOUNT ON;\n"
            + "SELECT TOP 2 [CurrencyKey],\n"
            + "  ISNULL([CurrencyName], 'none') AS [Name], -- ISNULL(x, y) in a comment\n"
            + "  LEN([CurrencyName]) AS [Length],\n"
            + "  IIF([CurrencyKey] > 5, 'big', 'small') AS [Size],\n"
            + "  CONVERT(nvarchar(10), [CurrencyKey]) AS [Text],\n"
            + "  CAST([CurrencyKey] AS NVARCHAR(5)) AS [Cast],\n"
            + "  GETDATE() AS [Now], GETUTCDATE() AS [Utc], NEWID() AS [Id],\n"
            + "  '[not] GETDATE()' AS [Literal]\n"
            + "FROM [dbo].[DimCurrency] WITH (NOLOCK)\n"
            + "WHERE [CurrencyKey] <> 3\n"
            + "ORDER BY [CurrencyKey] DESC";
    String sql = postgresSql(tsql);
    assertThat(sql).doesNotContain("[CurrencyKey]").contains("'[not] GETDATE()'");
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      assertThat(r.next()).isTrue();
      assertThat(r.getInt("CurrencyKey")).isEqualTo(100);
      assertThat(r.getString("Name")).isEqualTo("US Dollar  ");
      assertThat(r.getInt("Length")).as("LEN ignores trailing blanks").isEqualTo(9);
      assertThat(r.getString("Size")).isEqualTo("big");
      assertThat(r.getString("Text")).isEqualTo("100");
      assertThat(r.getString("Cast")).isEqualTo("100");
      assertThat(r.getTimestamp("Now")).isNotNull();
      assertThat(r.getTimestamp("Utc")).isNotNull();
      assertThat(r.getString("Id")).hasSize(36);
      assertThat(r.getString("Literal")).isEqualTo("[not] GETDATE()");
      assertThat(r.next()).isTrue();
      assertThat(r.getInt("CurrencyKey")).isEqualTo(6);
      assertThat(r.getString("Size")).isEqualTo("big");
      assertThat(r.next()).as("TOP 2").isFalse();
    }
  }

  @Test
  void anAliasWrittenWithAndWithoutBracketsStaysOneName() throws Exception {
    String sql =
        postgresSql(
            "select * from (select * from [dbo].[DimCurrency]) as refTable\n"
                + "where [refTable].[CurrencyKey] = 1");
    assertThat(sql)
        .isEqualTo(
            "select * from (select * from \"dbo\".\"DimCurrency\") as refTable\n"
                + "where refTable.\"CurrencyKey\" = 1");
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString("CurrencyName")).isNull();
    }
  }
}
