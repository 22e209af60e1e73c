package io.sluice.ssis.convert;

import io.sluice.engine.project.ConnectionDefinition;
import io.sluice.ssis.ImportOptions.SqlDialect;
import io.sluice.ssis.convert.sql.TsqlCheck;
import io.sluice.ssis.convert.sql.TsqlCheck.Finding;
import io.sluice.ssis.report.ImportEntry.ElementKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The SQL text of a task or data-flow component as the import writes it: as written, checked for
 * PostgreSQL when its connection is PostgreSQL or the user imports with {@code --sql-dialect
 * postgresql}, and then rewritten where {@link TsqlCheck} can do it safely. What was found goes
 * into the report, one entry per kind of construct and statement, so a statement with forty
 * bracketed names gives one line, not forty.
 */
final class SqlStatements {

  /** How many before/after pairs one report entry shows. */
  private static final int SHOWN = 8;

  private SqlStatements() {}

  /**
   * The text to write for the statement at {@code path}.
   *
   * @param path where the statement is, as the report names it ({@code
   *     \Package\Load.Properties[SqlStatementSource]})
   * @param connection the Sluice connection the statement runs on
   */
  static String statement(PackageContext ctx, String path, String connection, String sql) {
    boolean rewrite = ctx.project.options.sqlDialect() == SqlDialect.POSTGRESQL;
    if (!rewrite && !postgres(ctx, connection)) {
      return sql;
    }
    TsqlCheck.Result result = TsqlCheck.check(sql, rewrite);
    Map<String, List<Finding>> groups = new LinkedHashMap<>();
    for (Finding f : result.findings()) {
      groups.computeIfAbsent(f.action() + " " + f.construct(), k -> new ArrayList<>()).add(f);
    }
    for (List<Finding> group : groups.values()) {
      Finding first = group.get(0);
      switch (first.action()) {
        case REWRITTEN ->
            ctx.convertedWithNote(
                path,
                ElementKind.SQL,
                first.construct(),
                "rewritten for PostgreSQL: "
                    + pairs(group)
                    + (first.why() == null ? "" : " (" + first.why() + ")"),
                null);
        case NOTE ->
            ctx.convertedWithNote(
                path,
                ElementKind.SQL,
                first.construct(),
                "line " + first.line() + ": " + first.why(),
                "check it before running");
        case REFUSED ->
            ctx.leftOut(
                path,
                ElementKind.SQL,
                first.construct(),
                first.after() == null
                    ? "PostgreSQL refuses " + examples(group) + ": " + first.why()
                    : "PostgreSQL refuses it; --sql-dialect postgresql would rewrite "
                        + pairs(group),
                first.after() == null
                    ? "rewrite it for PostgreSQL by hand"
                    : "import with --sql-dialect postgresql, or rewrite it by hand");
      }
    }
    return result.sql();
  }

  /** Whether {@code connection} is a jdbc connection to PostgreSQL. */
  private static boolean postgres(PackageContext ctx, String connection) {
    Stream<ConnectionDefinition> all = ctx.connections.stream();
    if (ctx.project.connections != null && ctx.project.connections != ctx) {
      all = Stream.concat(all, ctx.project.connections.connections.stream());
    }
    return all.filter(c -> c.name().equalsIgnoreCase(connection))
        .findFirst()
        .map(c -> String.valueOf(c.properties().get("url")).toLowerCase(Locale.ROOT))
        .filter(url -> url.startsWith("jdbc:postgresql:"))
        .isPresent();
  }

  /** {@code [a] -> "a" (lines 3, 5), TOP 5 -> LIMIT 5 (line 1)}: distinct pairs, the first few. */
  private static String pairs(List<Finding> group) {
    Map<String, Set<Integer>> lines = new LinkedHashMap<>();
    for (Finding f : group) {
      String pair =
          oneLine(f.before()) + " -> " + (f.after().isEmpty() ? "(removed)" : oneLine(f.after()));
      lines.computeIfAbsent(pair, k -> new LinkedHashSet<>()).add(f.line());
    }
    Set<String> shown = new LinkedHashSet<>();
    lines.forEach((pair, at) -> shown.add(pair + " (" + lines(at) + ")"));
    return limited(shown);
  }

  /** {@code line 3: X, lines 5, 7: Y}: distinct constructs as written, the first few. */
  private static String examples(List<Finding> group) {
    Map<String, Set<Integer>> lines = new LinkedHashMap<>();
    for (Finding f : group) {
      lines.computeIfAbsent(oneLine(f.before()), k -> new LinkedHashSet<>()).add(f.line());
    }
    Set<String> shown = new LinkedHashSet<>();
    lines.forEach((text, at) -> shown.add(lines(at) + ": " + text));
    return limited(shown);
  }

  private static String lines(Set<Integer> at) {
    return (at.size() == 1 ? "line " : "lines ")
        + String.join(", ", at.stream().map(String::valueOf).toList());
  }

  private static String limited(Set<String> items) {
    List<String> list = new ArrayList<>(items);
    if (list.size() <= SHOWN) {
      return String.join(", ", list);
    }
    return String.join(", ", list.subList(0, SHOWN)) + " and " + (list.size() - SHOWN) + " more";
  }

  /** A construct as one line of at most 80 characters, for a table cell. */
  private static String oneLine(String text) {
    String s = text.replaceAll("\\s+", " ").trim();
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
