package io.sluice.ssis.convert.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.ssis.convert.sql.TsqlCheck.Action;
import io.sluice.ssis.convert.sql.TsqlCheck.Finding;
import io.sluice.ssis.convert.sql.TsqlCheck.Result;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TsqlCheckTest {

  private static String rewritten(String sql) {
    return TsqlCheck.check(sql, true).sql();
  }

  private static List<String> refused(String sql) {
    return TsqlCheck.check(sql, true).findings().stream()
        .filter(f -> f.action() == Action.REFUSED)
        .map(Finding::construct)
        .toList();
  }

  @Test
  void theTokenizerLosesNoCharacter() {
    String sql =
        "SELECT [a]]b], \"q\"\"x\", N'it''s', 0x1F, 1.5e3 -- c\r\n/* a /* b */ c */ #t, @x, @@ROWCOUNT";
    StringBuilder joined = new StringBuilder();
    SqlTokenizer.tokenize(sql).forEach(t -> joined.append(t.text()));
    assertThat(joined.toString()).isEqualTo(sql);
    assertThat(SqlTokenizer.tokenize(sql))
        .extracting(SqlTokenizer.Token::kind)
        .contains(SqlTokenizer.Kind.BRACKETED, SqlTokenizer.Kind.QUOTED, SqlTokenizer.Kind.STRING);
  }

  @Test
  void stringsAndCommentsAreNeverRewritten() {
    String sql =
        "SELECT 'SELECT TOP 5 [x], GETDATE(), ISNULL(a,b) FROM t WITH (NOLOCK)' AS s, [c]\n"
            + "-- [d] GETDATE() ISNULL(a, b) SET NOCOUNT ON\n"
            + "/* LEN([e]) /* nested [f] */ IIF(a, b, c) */\n"
            + "FROM \"t\"";
    assertThat(rewritten(sql))
        .isEqualTo(
            "SELECT 'SELECT TOP 5 [x], GETDATE(), ISNULL(a,b) FROM t WITH (NOLOCK)' AS s, \"c\"\n"
                + "-- [d] GETDATE() ISNULL(a, b) SET NOCOUNT ON\n"
                + "/* LEN([e]) /* nested [f] */ IIF(a, b, c) */\n"
                + "FROM \"t\"");
    Result r = TsqlCheck.check(sql, true);
    assertThat(r.findings())
        .extracting(Finding::construct, Finding::before, Finding::after)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("square-bracket name", "[c]", "\"c\""));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT [Order ID], [a]]b] FROM [dbo].[T]|SELECT \"Order ID\", \"a]b\" FROM \"dbo\".\"T\"",
        "SELECT TOP 10 * FROM t ORDER BY a|SELECT * FROM t ORDER BY a LIMIT 10",
        "SELECT DISTINCT TOP (3) a FROM t;|SELECT DISTINCT a FROM t LIMIT 3;",
        "SELECT TOP 1 a FROM t -- newest\\n|SELECT a FROM t LIMIT 1 -- newest\\n",
        "SELECT GETDATE() AS LoadDate|SELECT LOCALTIMESTAMP AS LoadDate",
        "SELECT SYSDATETIME(), GETUTCDATE()|" + "SELECT LOCALTIMESTAMP, (now() AT TIME ZONE 'UTC')",
        "SELECT ISNULL(a, 0) FROM t|SELECT COALESCE(a, 0) FROM t",
        "SELECT LEN(name) FROM t|SELECT length(rtrim(name)) FROM t",
        "SELECT IIF(a > 1, 'x', 'y') FROM t|SELECT CASE WHEN a > 1 THEN 'x' ELSE 'y' END FROM t",
        "SELECT IIF(a>1,ISNULL(b,0),2) FROM t|SELECT CASE WHEN a>1 THEN COALESCE(b,0) ELSE 2 END FROM t",
        "SELECT CONVERT(nvarchar(50), [x]) FROM t|SELECT CAST(\"x\" AS varchar(50)) FROM t",
        "SELECT CONVERT(datetime, d), CONVERT(NVARCHAR(MAX), n) FROM t|"
            + "SELECT CAST(d AS timestamp), CAST(n AS text) FROM t",
        "SELECT CAST(x AS NVARCHAR(20)), CAST(y AS int) FROM t|"
            + "SELECT CAST(x AS varchar(20)), CAST(y AS int) FROM t",
        "SET NOCOUNT ON;\\nDELETE FROM t|DELETE FROM t",
        "SELECT a FROM t WITH (NOLOCK) JOIN u (NOLOCK) ON 1=1|SELECT a FROM t JOIN u ON 1=1",
        "SELECT NEWID()|SELECT gen_random_uuid()",
      })
  void rewritesTheSafeCommonOnes(String tsql, String postgres) {
    assertThat(rewritten(tsql.replace("\\n", "\n"))).isEqualTo(postgres.replace("\\n", "\n"));
    assertThat(refused(tsql.replace("\\n", "\n"))).isEmpty();
  }

  @Test
  void eachRewriteIsListedWithItsTextBeforeAndAfter() {
    Result r = TsqlCheck.check("SELECT TOP 5 ISNULL([a], 0)\nFROM t WITH (NOLOCK)", true);
    assertThat(r.findings())
        .extracting(
            Finding::action, Finding::construct, Finding::line, Finding::before, Finding::after)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Action.REWRITTEN, "TOP n", 1, "TOP 5", "LIMIT 5"),
            org.assertj.core.groups.Tuple.tuple(
                Action.REWRITTEN, "ISNULL", 1, "ISNULL([a], 0)", "COALESCE(\"a\", 0)"),
            org.assertj.core.groups.Tuple.tuple(
                Action.REWRITTEN, "square-bracket name", 1, "[a]", "\"a\""),
            org.assertj.core.groups.Tuple.tuple(
                Action.REWRITTEN, "NOLOCK hint", 2, "WITH (NOLOCK)", ""));
    assertThat(r.sql()).isEqualTo("SELECT COALESCE(\"a\", 0)\nFROM t LIMIT 5");
  }

  @Test
  void withoutRewritingTheTextStaysAndTheSafeOnesAreReportedAsRefused() {
    String sql = "SELECT TOP 5 [a] FROM t";
    Result r = TsqlCheck.check(sql, false);
    assertThat(r.sql()).isSameAs(sql);
    assertThat(r.findings())
        .extracting(Finding::action, Finding::construct, Finding::after)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Action.REFUSED, "TOP n", "LIMIT 5"),
            org.assertj.core.groups.Tuple.tuple(Action.REFUSED, "square-bracket name", "\"a\""));
    assertThat(r.findings())
        .allSatisfy(f -> assertThat(f.why()).contains("--sql-dialect postgresql"));
  }

  @Test
  void whatCannotBeRewrittenSafelyStaysAndIsFlagged() {
    String sql =
        "SET NOCOUNT ON\n"
            + "DECLARE @n int = 5\n"
            + "IF NOT EXISTS (SELECT 1 FROM #stage)\n"
            + "BEGIN\n"
            + "  SELECT a + 'x' AS s INTO dbo.copy FROM t\n"
            + "  UPDATE TOP (10) t SET d = DATEADD(day, 1, d), n = DATEDIFF(day, a, b)\n"
            + "  EXEC etl.log @@ROWCOUNT, @@IDENTITY\n"
            + "  SELECT CONVERT(varchar(10), d, 120), CAST(b AS bit), IIF(a, b)\n"
            + "  DECLARE @t TABLE (v NVARCHAR(MAX))\n"
            + "END\n"
            + "GO\n";
    Result r = TsqlCheck.check(sql, true);
    assertThat(refused(sql))
        .contains(
            "T-SQL variable",
            "DECLARE",
            "IF ... BEGIN ... END",
            "temp table #name",
            "+ on strings",
            "SELECT ... INTO",
            "TOP n",
            "DATEADD",
            "DATEDIFF",
            "EXEC procedure",
            "@@ROWCOUNT",
            "@@IDENTITY",
            "CONVERT",
            "CAST",
            "IIF",
            "NVARCHAR(MAX)",
            "GO");
    assertThat(r.findings())
        .filteredOn(f -> f.construct().equals("dbo schema"))
        .singleElement()
        .satisfies(f -> assertThat(f.action()).isEqualTo(Action.NOTE));
    // Only SET NOCOUNT was safe to rewrite: everything else is as written.
    assertThat(r.sql()).isEqualTo(sql.substring("SET NOCOUNT ON\n".length()));
  }

  @Test
  void topIsMovedOnlyOnALoneSimpleSelect() {
    assertThat(refused("SELECT TOP 1 a FROM t UNION SELECT b FROM u")).containsExactly("TOP n");
    assertThat(refused("SELECT * FROM (SELECT TOP 1 a FROM t) x")).containsExactly("TOP n");
    assertThat(refused("DELETE FROM u; SELECT TOP 1 a FROM t")).containsExactly("TOP n");
    assertThat(refused("SELECT TOP 10 PERCENT a FROM t")).containsExactly("TOP n");
    assertThat(refused("SELECT TOP (@n) a FROM t")).contains("TOP n");
  }

  @Test
  void ddlIfExistsAndInsertIntoAreNotFlagged() {
    assertThat(refused("DROP TABLE IF EXISTS x; INSERT INTO x (a) SELECT a FROM t")).isEmpty();
  }
}
