package io.sluice.ssis.convert.sql;

import io.sluice.ssis.convert.sql.SqlTokenizer.Kind;
import io.sluice.ssis.convert.sql.SqlTokenizer.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the T-SQL in a statement that PostgreSQL refuses and, when asked, rewrites the safe, common
 * part of it: SQL text of an SSIS package is kept as written unless the user imports with {@code
 * --sql-dialect postgresql}.
 *
 * <p>Names: {@code [Name]} becomes {@code "Name"}, which keeps its case in PostgreSQL, so the
 * tables are expected under the names SQL Server had ({@code CREATE TABLE dbo."DimCurrency"}); a
 * name the statement also writes without brackets loses its brackets instead (see {@code
 * Run.bare}).
 *
 * <p>How: the text is cut into tokens by {@link SqlTokenizer}, which knows strings, quoted names
 * and comments, so nothing inside them is ever looked at, and each rewrite replaces whole tokens
 * (every other character stays as written, layout and comments included). A rewrite is made only
 * where its meaning is the same in both dialects: brackets to double quotes, {@code TOP n} to
 * {@code LIMIT n} on a lone simple SELECT, {@code GETDATE()} to {@code LOCALTIMESTAMP}, {@code
 * ISNULL} to {@code COALESCE}, {@code LEN(x)} to {@code length(rtrim(x))} (LEN ignores trailing
 * blanks), {@code IIF} to {@code CASE}, {@code CONVERT(type, x)} and the type of a {@code CAST} to
 * PostgreSQL's type names, {@code NOLOCK} hints and {@code SET NOCOUNT ON} removed (PostgreSQL
 * reads without locks and counts nothing). Everything else found (procedure calls, variables, temp
 * tables, {@code +} on strings, {@code SELECT ... INTO}, date functions, control flow) stays and is
 * reported as refused.
 *
 * <p>Why not a SQL parser library: JSqlParser 5.3 was tried on the 75 distinct statements of the
 * corpus and the tutorial; it refused 16 (IF ... BEGIN ... END blocks, {@code WITH RESULT SETS},
 * {@code OUTPUT} parameters), and what it parses it prints back in its own layout, without the
 * comments, where the import must keep the text as written.
 */
public final class TsqlCheck {

  /** What was done about a construct. */
  public enum Action {
    /** Rewritten for PostgreSQL ({@code after} holds the new text). */
    REWRITTEN,
    /** Kept as written, and PostgreSQL refuses it. */
    REFUSED,
    /** Kept as written and works in PostgreSQL under a condition the user should check. */
    NOTE
  }

  /**
   * One construct found.
   *
   * @param construct what it is, as the report names it ({@code TOP n}, {@code ISNULL})
   * @param line 1-based line in the statement
   * @param before the text as written
   * @param after for REWRITTEN the new text (empty when removed); for REFUSED of a construct that
   *     {@code --sql-dialect postgresql} rewrites, the text it would write; otherwise null
   * @param why for REFUSED and NOTE, what PostgreSQL does instead and what to do
   */
  public record Finding(
      Action action, String construct, int line, String before, String after, String why) {}

  /**
   * The statement to write, and what was found in it.
   *
   * @param sql the rewritten text when rewriting, else the text as written
   */
  public record Result(String sql, List<Finding> findings) {
    public Result {
      findings = List.copyOf(findings);
    }
  }

  private TsqlCheck() {}

  /**
   * Checks {@code sql} for PostgreSQL.
   *
   * @param rewrite whether to rewrite the safe constructs (else they are reported as refused, with
   *     the rewrite that {@code --sql-dialect postgresql} would make)
   */
  public static Result check(String sql, boolean rewrite) {
    if (sql == null || sql.isBlank()) {
      return new Result(sql, List.of());
    }
    return new Run(sql, rewrite).run();
  }

  /** A name PostgreSQL reads without quotes (folded to lower case). */
  private static final Pattern REGULAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Words that are T-SQL keywords or type names, not names, when written bare. */
  private static final Set<String> KEYWORDS =
      Set.of(
          "SELECT",
          "FROM",
          "WHERE",
          "AS",
          "ON",
          "AND",
          "OR",
          "NOT",
          "NULL",
          "IS",
          "IN",
          "JOIN",
          "LEFT",
          "RIGHT",
          "INNER",
          "OUTER",
          "FULL",
          "CROSS",
          "APPLY",
          "GROUP",
          "BY",
          "ORDER",
          "HAVING",
          "UNION",
          "ALL",
          "DISTINCT",
          "TOP",
          "INTO",
          "INSERT",
          "UPDATE",
          "DELETE",
          "SET",
          "VALUES",
          "CASE",
          "WHEN",
          "THEN",
          "ELSE",
          "END",
          "EXISTS",
          "BETWEEN",
          "LIKE",
          "CAST",
          "CONVERT",
          "TABLE",
          "CREATE",
          "DROP",
          "ALTER",
          "TRUNCATE",
          "WITH",
          "DESC",
          "ASC",
          "INT",
          "BIGINT",
          "SMALLINT",
          "TINYINT",
          "BIT",
          "DECIMAL",
          "NUMERIC",
          "FLOAT",
          "REAL",
          "MONEY",
          "DATE",
          "TIME",
          "DATETIME",
          "DATETIME2",
          "VARCHAR",
          "NVARCHAR",
          "CHAR",
          "NCHAR",
          "TEXT",
          "MAX",
          "KEY",
          "PRIMARY",
          "DEFAULT",
          "EXEC",
          "EXECUTE",
          "BEGIN",
          "IF",
          "DECLARE",
          "OUTPUT",
          "PERCENT",
          "NOLOCK");

  /** What to tell about a function PostgreSQL does not have, by its T-SQL name. */
  private static final Map<String, String> FUNCTIONS =
      Map.ofEntries(
          Map.entry(
              "DATEADD",
              "PostgreSQL adds an interval: d + n * interval '1 day' (note: the result of date +"
                  + " interval is a timestamp)"),
          Map.entry(
              "DATEDIFF",
              "PostgreSQL subtracts: d2 - d1 (dates give days), or extract(epoch from t2 - t1);"
                  + " DATEDIFF counts boundaries crossed, so check the unit"),
          Map.entry("DATEPART", "PostgreSQL writes extract(part FROM d)"),
          Map.entry("DATENAME", "PostgreSQL writes to_char(d, 'Month') and similar"),
          Map.entry("YEAR", "PostgreSQL writes extract(year FROM d)::int"),
          Map.entry("MONTH", "PostgreSQL writes extract(month FROM d)::int"),
          Map.entry("DAY", "PostgreSQL writes extract(day FROM d)::int"),
          Map.entry(
              "EOMONTH", "PostgreSQL writes date_trunc('month', d) + interval '1 month - 1 day'"),
          Map.entry("CHARINDEX", "PostgreSQL writes strpos(string, substring), arguments swapped"),
          Map.entry(
              "PATINDEX", "PostgreSQL matches patterns with regular expressions (~, regexp_*)"),
          Map.entry("STUFF", "PostgreSQL writes overlay(s placing r from start for length)"),
          Map.entry("FORMAT", "PostgreSQL formats with to_char(value, pattern)"),
          Map.entry("TRY_CAST", "PostgreSQL has no TRY_CAST: a failed cast is an error there"),
          Map.entry(
              "TRY_CONVERT", "PostgreSQL has no TRY_CONVERT: a failed cast is an error there"),
          Map.entry("SCOPE_IDENTITY", "PostgreSQL returns the new key with INSERT ... RETURNING"),
          Map.entry("OBJECT_ID", "PostgreSQL looks names up with to_regclass('schema.table')"),
          Map.entry("ERROR_MESSAGE", "PostgreSQL reports errors with SQLERRM in PL/pgSQL"),
          Map.entry("DB_NAME", "PostgreSQL writes current_database()"));

  /** SET options of T-SQL that PostgreSQL does not have (SET NOCOUNT is rewritten). */
  private static final Set<String> SET_OPTIONS =
      Set.of(
          "IDENTITY_INSERT",
          "XACT_ABORT",
          "ANSI_NULLS",
          "ANSI_WARNINGS",
          "ANSI_PADDING",
          "QUOTED_IDENTIFIER",
          "DATEFORMAT",
          "DATEFIRST",
          "ARITHABORT",
          "CONCAT_NULL_YIELDS_NULL",
          "ROWCOUNT",
          "LANGUAGE",
          "DEADLOCK_PRIORITY",
          "LOCK_TIMEOUT",
          "FMTONLY");

  /** Words after which IF is DDL's IF [NOT] EXISTS, which PostgreSQL has too. */
  private static final Set<String> DDL_BEFORE_IF =
      Set.of(
          "TABLE",
          "VIEW",
          "INDEX",
          "SCHEMA",
          "PROCEDURE",
          "PROC",
          "FUNCTION",
          "SEQUENCE",
          "TRIGGER",
          "TYPE",
          "DATABASE",
          "COLUMN",
          "CONSTRAINT",
          "USER",
          "ROLE");

  private static final class Run {
    private final String sql;
    private final boolean rewrite;
    private final List<Token> t;
    private final String[] out;
    private final String[] append;
    private final int[] depth;
    private final boolean[] done;
    private final List<Pending> pending = new ArrayList<>();
    private final Set<String> once = new HashSet<>();

    /**
     * Names written without brackets, upper case. T-SQL names are case-insensitive: {@code
     * [refTable]} and {@code refTable} are one alias. In PostgreSQL {@code "refTable"} and {@code
     * refTable} (folded to {@code reftable}) are two, so a bracketed name also written bare loses
     * its brackets instead.
     */
    private final Set<String> bare = new HashSet<>();

    /** A finding whose new text is read once every rewrite is made. */
    private record Pending(
        Action action, String construct, int from, int to, String after, String why) {}

    Run(String sql, boolean rewrite) {
      this.sql = sql;
      this.rewrite = rewrite;
      this.t = SqlTokenizer.tokenize(sql);
      this.out = new String[t.size()];
      this.append = new String[t.size()];
      this.depth = new int[t.size()];
      this.done = new boolean[t.size()];
      int d = 0;
      for (int i = 0; i < t.size(); i++) {
        out[i] = t.get(i).text();
        append[i] = "";
        if (t.get(i).isSymbol(')')) {
          d = Math.max(0, d - 1);
        }
        depth[i] = d;
        if (t.get(i).isSymbol('(')) {
          d++;
        }
      }
      for (int i = 0; i < t.size(); i++) {
        Token k = t.get(i);
        int next = next(i);
        boolean call = next >= 0 && t.get(next).isSymbol('(');
        if (k.kind() == Kind.WORD
            && REGULAR.matcher(k.text()).matches()
            && !call
            && !KEYWORDS.contains(k.upper())) {
          bare.add(k.upper());
        }
      }
    }

    Result run() {
      for (int i = 0; i < t.size(); i++) {
        if (done[i]) {
          continue;
        }
        Token k = t.get(i);
        switch (k.kind()) {
          case BRACKETED -> bracket(i);
          case WORD -> word(i);
          case SYMBOL -> symbol(i);
          default -> {}
        }
      }
      List<Finding> findings = new ArrayList<>();
      for (Pending p : pending) {
        String before = text(p.from, p.to);
        String after =
            p.after != null ? p.after : p.action == Action.REWRITTEN ? out(p.from, p.to) : null;
        Action action = p.action;
        String why = p.why;
        if (action == Action.REWRITTEN && !rewrite) {
          action = Action.REFUSED;
          why = (why == null ? "" : why + "; ") + "--sql-dialect postgresql rewrites it";
        }
        findings.add(new Finding(action, p.construct, t.get(p.from).line(), before, after, why));
      }
      findings.sort((a, b) -> Integer.compare(a.line(), b.line()));
      if (!rewrite) {
        return new Result(sql, findings);
      }
      StringBuilder s = new StringBuilder(sql.length());
      for (int i = 0; i < t.size(); i++) {
        s.append(out[i]).append(append[i]);
      }
      return new Result(s.toString(), findings);
    }

    // ---- constructs

    private void bracket(int i) {
      String text = t.get(i).text();
      if (text.length() < 2 || !text.endsWith("]")) {
        return; // unterminated: SQL Server refuses it too
      }
      String name = text.substring(1, text.length() - 1).replace("]]", "]");
      if (REGULAR.matcher(name).matches() && bare.contains(name.toUpperCase(Locale.ROOT))) {
        out[i] = name;
        rewritten(
            "square-bracket name",
            i,
            i,
            "named without brackets elsewhere in the statement, so left unquoted: PostgreSQL folds"
                + " both to lower case");
      } else {
        out[i] = "\"" + name.replace("\"", "\"\"") + "\"";
        rewritten("square-bracket name", i, i, null);
      }
      dbo(i, name);
    }

    private void word(int i) {
      Token k = t.get(i);
      String w = k.upper();
      int next = next(i);
      boolean call = next >= 0 && t.get(next).isSymbol('(');
      if (w.startsWith("@@")) {
        refused(
            w,
            i,
            i,
            w.equals("@@IDENTITY")
                ? "PostgreSQL returns a new key with INSERT ... RETURNING"
                : w.equals("@@ROWCOUNT")
                    ? "PostgreSQL has no @@ROWCOUNT outside PL/pgSQL (GET DIAGNOSTICS there)"
                    : "PostgreSQL has no T-SQL system function " + k.text());
        return;
      }
      if (w.startsWith("@")) {
        if (once.add("var " + w)) {
          refused(
              "T-SQL variable",
              i,
              i,
              "plain PostgreSQL SQL has no variables: bind a ? parameter, or write a DO block"
                  + " in PL/pgSQL");
        }
        return;
      }
      if (w.startsWith("#")) {
        if (once.add("temp " + w)) {
          refused(
              "temp table #name",
              i,
              i,
              "PostgreSQL creates temporary tables with CREATE TEMP TABLE name; #name is not a"
                  + " name there");
        }
        return;
      }
      if (w.equals("DBO")) {
        dbo(i, "dbo");
      }
      if (call) {
        int close = close(next);
        if (close < 0) {
          return;
        }
        switch (w) {
          case "GETDATE", "SYSDATETIME", "CURRENT_TIMESTAMP" -> {
            if (empty(next, close)) {
              replace(i, close, "LOCALTIMESTAMP");
              rewritten(k.text() + "()", i, close, null);
            }
            return;
          }
          case "GETUTCDATE", "SYSUTCDATETIME" -> {
            if (empty(next, close)) {
              replace(i, close, "(now() AT TIME ZONE 'UTC')");
              rewritten(k.text() + "()", i, close, null);
            }
            return;
          }
          case "NEWID" -> {
            if (empty(next, close)) {
              replace(i, close, "gen_random_uuid()");
              rewritten("NEWID()", i, close, null);
            }
            return;
          }
          case "ISNULL" -> {
            if (commas(next, close).size() == 1) {
              out[i] = "COALESCE";
              rewritten("ISNULL", i, close, null);
            } else {
              refused("ISNULL", i, close, "PostgreSQL writes COALESCE(a, b)");
            }
            return;
          }
          case "LEN" -> {
            if (commas(next, close).isEmpty()) {
              out[i] = "length";
              out[next] = "(rtrim(";
              out[close] = "))";
              rewritten("LEN", i, close, "LEN ignores trailing blanks, so length(rtrim(...))");
            }
            return;
          }
          case "IIF" -> {
            iif(i, next, close);
            return;
          }
          case "CONVERT" -> {
            convert(i, next, close);
            return;
          }
          case "CAST" -> {
            cast(i, next, close);
            return;
          }
          default -> {
            String why = FUNCTIONS.get(w);
            if (why != null) {
              refused(k.text(), i, close, why);
              return;
            }
          }
        }
      }
      switch (w) {
        case "TOP" -> top(i);
        case "EXEC", "EXECUTE" -> exec(i);
        case "SET" -> set(i);
        case "INTO" -> into(i);
        case "GO" -> go(i);
        case "IF" -> {
          int prev = prev(i);
          if (prev < 0 || !DDL_BEFORE_IF.contains(t.get(prev).upper())) {
            procedural(i, "IF ... BEGIN ... END");
          }
        }
        case "WHILE" -> procedural(i, "WHILE");
        case "DECLARE" -> procedural(i, "DECLARE");
        case "PRINT", "RAISERROR", "THROW" -> procedural(i, w);
        case "NVARCHAR", "VARCHAR", "VARBINARY" -> {
          if (call && next(next) >= 0 && t.get(next(next)).is("MAX")) {
            int close = close(next);
            refused(
                k.text() + "(MAX)",
                i,
                close < 0 ? i : close,
                "PostgreSQL writes text (bytea for VARBINARY); NVARCHAR is varchar there");
          }
        }
        default -> {}
      }
    }

    private void symbol(int i) {
      Token k = t.get(i);
      if (k.isSymbol('+')) {
        int prev = prev(i);
        int next = next(i);
        boolean string =
            (prev >= 0 && t.get(prev).kind() == Kind.STRING)
                || (next >= 0 && t.get(next).kind() == Kind.STRING);
        if (string) {
          refused(
              "+ on strings",
              prev >= 0 ? prev : i,
              next >= 0 ? next : i,
              "PostgreSQL joins strings with || (with a number, T-SQL adds instead: check the"
                  + " types)");
        }
      } else if (k.isSymbol('(')) {
        nolock(i);
      }
    }

    /** {@code WITH (NOLOCK)} or {@code (NOLOCK)} after a table, with no other hint. */
    private void nolock(int open) {
      int close = close(open);
      if (close < 0) {
        return;
      }
      boolean hints = false;
      for (int j = open + 1; j < close; j++) {
        Token x = t.get(j);
        if (x.is("NOLOCK") || x.is("READUNCOMMITTED")) {
          hints = true;
        } else if (x.significant() && !x.isSymbol(',')) {
          return;
        }
      }
      if (!hints) {
        return;
      }
      int from = open;
      int prev = prev(open);
      if (prev >= 0 && t.get(prev).is("WITH")) {
        from = prev;
      }
      int start = from > 0 && t.get(from - 1).kind() == Kind.WHITESPACE ? from - 1 : from;
      for (int j = start; j <= close; j++) {
        out[j] = "";
        done[j] = true;
      }
      pending.add(new Pending(Action.REWRITTEN, "NOLOCK hint", from, close, "", null));
    }

    private void top(int i) {
      int prev = prev(i);
      int select = prev;
      if (select >= 0 && (t.get(select).is("DISTINCT") || t.get(select).is("ALL"))) {
        select = prev(select);
      }
      int n = next(i);
      int numberFrom = n;
      int numberTo = n;
      if (n >= 0 && t.get(n).isSymbol('(')) {
        numberFrom = next(n);
        numberTo = close(n);
      }
      int after = numberTo < 0 ? -1 : next(numberTo);
      boolean number =
          numberFrom >= 0
              && t.get(numberFrom).kind() == Kind.NUMBER
              && t.get(numberFrom).text().chars().allMatch(Character::isDigit)
              && (numberFrom == numberTo || next(numberFrom) == numberTo);
      String why = "PostgreSQL writes LIMIT n at the end of the query";
      int to = numberTo < 0 ? i : numberTo;
      if (select < 0 || !t.get(select).is("SELECT") || !number) {
        refused("TOP n", i, to, why + (number ? "" : "; TOP of an expression needs LIMIT (expr)"));
        return;
      }
      if (after >= 0 && (t.get(after).is("PERCENT") || t.get(after).is("WITH"))) {
        refused("TOP n", i, after, why + "; PERCENT and WITH TIES have no LIMIT form");
        return;
      }
      int last = lastStatementToken();
      if (!simpleSelect(select, last)) {
        refused(
            "TOP n",
            i,
            to,
            why + "; here it is not the only SELECT of a single statement, so it is not moved");
        return;
      }
      String limit = "LIMIT " + t.get(numberFrom).text();
      for (int j = i; j <= to; j++) {
        out[j] = "";
        done[j] = true;
      }
      if (to + 1 < t.size() && t.get(to + 1).kind() == Kind.WHITESPACE) {
        out[to + 1] = "";
      }
      append[last] = " " + limit;
      pending.add(new Pending(Action.REWRITTEN, "TOP n", i, to, limit, null));
    }

    /**
     * Whether {@code select} starts the one statement of the text, and the query has no second part
     * at its top level (UNION, INTO, OFFSET, FOR XML) that a LIMIT at the end would change.
     */
    private boolean simpleSelect(int select, int last) {
      if (first() != select || depth[select] != 0) {
        return false;
      }
      for (int j = select + 1; j <= last; j++) {
        Token x = t.get(j);
        if (depth[j] != 0 || !x.significant() || done[j]) {
          continue;
        }
        if (x.isSymbol(';')
            || x.is("UNION")
            || x.is("INTERSECT")
            || x.is("EXCEPT")
            || x.is("INTO")
            || x.is("OFFSET")
            || x.is("FOR")
            || x.is("LIMIT")
            || x.is("GO")
            || x.is("OPTION")) {
          return false;
        }
      }
      return true;
    }

    private void exec(int i) {
      int to = i;
      int name = next(i);
      while (name >= 0
          && (t.get(name).kind() == Kind.WORD || t.get(name).kind() == Kind.BRACKETED)) {
        to = name;
        int dot = next(name);
        if (dot < 0 || !t.get(dot).isSymbol('.')) {
          break;
        }
        name = next(dot);
      }
      refused(
          "EXEC procedure",
          i,
          to,
          "PostgreSQL calls a procedure with CALL name(?, ...) and a function with SELECT"
              + " name(?, ...); OUTPUT parameters become the procedure's INOUT arguments");
    }

    private void set(int i) {
      int option = next(i);
      if (option < 0) {
        return;
      }
      Token o = t.get(option);
      if (o.is("NOCOUNT")) {
        int value = next(option);
        if (value < 0 || !(t.get(value).is("ON") || t.get(value).is("OFF"))) {
          return;
        }
        int to = value;
        int semicolon = next(value);
        if (semicolon >= 0 && t.get(semicolon).isSymbol(';')) {
          to = semicolon;
        }
        for (int j = i; j <= to; j++) {
          out[j] = "";
          done[j] = true;
        }
        if (to + 1 < t.size() && t.get(to + 1).kind() == Kind.WHITESPACE) {
          out[to + 1] = "";
        }
        pending.add(
            new Pending(
                Action.REWRITTEN,
                "SET NOCOUNT",
                i,
                to,
                "",
                "PostgreSQL sends no row-count messages to switch off"));
      } else if (SET_OPTIONS.contains(o.upper())) {
        int to = option;
        for (int j = next(option); j >= 0 && t.get(j).line() == o.line(); j = next(j)) {
          if (t.get(j).isSymbol(';')) {
            break;
          }
          to = j;
        }
        refused(
            "SET " + o.upper(),
            i,
            to,
            o.is("IDENTITY_INSERT")
                ? "PostgreSQL inserts into an identity column with INSERT ... OVERRIDING SYSTEM"
                    + " VALUE"
                : "PostgreSQL has no such session option");
      } else if (o.upper().startsWith("@")) {
        procedural(i, "SET @variable");
        done[option] = true;
      }
    }

    private void into(int i) {
      int prev = prev(i);
      if (prev >= 0 && (t.get(prev).is("INSERT") || t.get(prev).is("MERGE"))) {
        return;
      }
      int target = next(i);
      refused(
          "SELECT ... INTO",
          i,
          target < 0 ? i : target,
          "PostgreSQL accepts SELECT ... INTO new_table only outside PL/pgSQL; CREATE TABLE"
              + " new_table AS SELECT ... is the form that works everywhere");
    }

    private void go(int i) {
      int prev = i - 1;
      int next = i + 1;
      boolean alone =
          (prev < 0 || lineBreakIn(prev)) && (next >= t.size() || lineBreakIn(next) || isLast(i));
      if (alone) {
        refused(
            "GO",
            i,
            i,
            "GO is a batch separator of SQL Server's tools, not SQL: end statements with ;"
                + " instead");
      }
    }

    private void procedural(int i, String construct) {
      if (once.add("procedural " + construct)) {
        refused(
            construct,
            i,
            i,
            "T-SQL control flow and variables run in PostgreSQL only inside a PL/pgSQL DO block"
                + " or function");
      }
    }

    private void iif(int i, int open, int close) {
      List<Integer> commas = commas(open, close);
      if (commas.size() != 2) {
        refused("IIF", i, close, "PostgreSQL writes CASE WHEN c THEN a ELSE b END");
        return;
      }
      out[i] = "CASE";
      out[open] = " WHEN ";
      out[commas.get(0)] = spaced(commas.get(0), " THEN");
      out[commas.get(1)] = spaced(commas.get(1), " ELSE");
      out[close] = " END";
      rewritten("IIF", i, close, null);
    }

    private void convert(int i, int open, int close) {
      List<Integer> commas = commas(open, close);
      String why = "PostgreSQL writes CAST(x AS type)";
      if (commas.size() != 1) {
        refused(
            "CONVERT",
            i,
            close,
            why + (commas.size() > 1 ? "; a style number needs to_char or to_date instead" : ""));
        return;
      }
      int comma = commas.get(0);
      String type = text(open + 1, comma - 1);
      Optional<String> pg = TsqlTypes.postgres(type);
      if (pg.isEmpty()) {
        refused("CONVERT", i, close, why + "; " + type.trim() + " has no same PostgreSQL type");
        return;
      }
      out[i] = "CAST";
      for (int j = open + 1; j <= comma; j++) {
        out[j] = "";
        done[j] = true;
      }
      if (comma + 1 < close && t.get(comma + 1).kind() == Kind.WHITESPACE) {
        out[comma + 1] = "";
      }
      out[close] = " AS " + pg.get() + ")";
      rewritten("CONVERT", i, close, null);
    }

    private void cast(int i, int open, int close) {
      int as = -1;
      for (int j = open + 1; j < close; j++) {
        if (depth[j] == depth[open] + 1 && t.get(j).is("AS")) {
          as = j;
        }
      }
      if (as < 0) {
        return;
      }
      int first = next(as);
      if (first < 0 || first >= close) {
        return;
      }
      String type = text(first, close - 1).trim();
      Optional<String> pg = TsqlTypes.postgres(type);
      if (pg.isEmpty()) {
        refused("CAST", i, close, type + " has no same PostgreSQL type");
      } else if (!pg.get().equals(type)) {
        int last = prev(close);
        out[first] = pg.get();
        for (int j = first + 1; j <= last; j++) {
          out[j] = "";
          done[j] = true;
        }
        done[first] = true;
        pending.add(new Pending(Action.REWRITTEN, "T-SQL type name", first, last, null, null));
      }
    }

    private void dbo(int i, String name) {
      int next = next(i);
      if (name.equalsIgnoreCase("dbo")
          && next >= 0
          && t.get(next).isSymbol('.')
          && once.add("dbo")) {
        pending.add(
            new Pending(
                Action.NOTE,
                "dbo schema",
                i,
                i,
                null,
                "works if the PostgreSQL database has a schema dbo (CREATE SCHEMA dbo) holding"
                    + " the tables"));
      }
    }

    // ---- helpers

    private void rewritten(String construct, int from, int to, String why) {
      pending.add(new Pending(Action.REWRITTEN, construct, from, to, null, why));
    }

    private void refused(String construct, int from, int to, String why) {
      pending.add(new Pending(Action.REFUSED, construct, from, Math.max(from, to), null, why));
    }

    /** Replaces tokens {@code from..to} by one text. */
    private void replace(int from, int to, String text) {
      out[from] = text;
      for (int j = from + 1; j <= to; j++) {
        out[j] = "";
        done[j] = true;
      }
    }

    private String spaced(int comma, String word) {
      boolean space = comma + 1 < t.size() && t.get(comma + 1).kind() == Kind.WHITESPACE;
      return space ? word : word + " ";
    }

    private boolean empty(int open, int close) {
      return next(open) == close;
    }

    /** Commas directly inside the parentheses {@code open..close}. */
    private List<Integer> commas(int open, int close) {
      List<Integer> commas = new ArrayList<>();
      for (int j = open + 1; j < close; j++) {
        if (depth[j] == depth[open] + 1 && t.get(j).isSymbol(',')) {
          commas.add(j);
        }
      }
      return commas;
    }

    private int close(int open) {
      for (int j = open + 1; j < t.size(); j++) {
        if (t.get(j).isSymbol(')') && depth[j] == depth[open]) {
          return j;
        }
      }
      return -1;
    }

    private int next(int i) {
      for (int j = i + 1; j < t.size(); j++) {
        if (t.get(j).significant()) {
          return j;
        }
      }
      return -1;
    }

    private int prev(int i) {
      for (int j = i - 1; j >= 0; j--) {
        if (t.get(j).significant()) {
          return j;
        }
      }
      return -1;
    }

    /** The first token of the text that no rewrite removed (SET NOCOUNT ON may come first). */
    private int first() {
      int first = next(-1);
      while (first >= 0 && done[first] && out[first].isEmpty()) {
        first = next(first);
      }
      return first;
    }

    /** The last significant token before a closing semicolon. */
    private int lastStatementToken() {
      int last = prev(t.size());
      while (last >= 0 && t.get(last).isSymbol(';')) {
        last = prev(last);
      }
      return last;
    }

    private boolean isLast(int i) {
      return next(i) < 0;
    }

    private boolean lineBreakIn(int i) {
      Token x = t.get(i);
      return x.kind() == Kind.WHITESPACE && (x.text().contains("\n") || x.text().contains("\r"));
    }

    private String text(int from, int to) {
      return sql.substring(t.get(from).start(), t.get(to).start() + t.get(to).text().length());
    }

    private String out(int from, int to) {
      StringBuilder s = new StringBuilder();
      for (int j = from; j <= to; j++) {
        s.append(out[j]);
      }
      return s.toString();
    }
  }
}
