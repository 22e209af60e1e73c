package io.sluice.ssis.report;

import io.sluice.ssis.report.ImportEntry.ElementKind;
import io.sluice.ssis.report.ImportEntry.Outcome;
import java.util.List;
import java.util.Locale;

/**
 * IMPORT.md: the import report as a page a user reads beside the project. It starts with the
 * counts, then lists what needs attention (placeholders, what was left out, conversions to check)
 * with the SSIS path, type, reason and what to do, then what converted without remark, by kind. No
 * date and no machine name, so importing the same package twice gives the same file.
 */
public final class ImportReportMarkdown {

  private ImportReportMarkdown() {}

  public static String render(ImportReport report) {
    StringBuilder md = new StringBuilder();
    // a Script Component stub: its data flow runs, and fails at it until its Java is written
    long components = report.count(ElementKind.COMPONENT, Outcome.PLACEHOLDER);
    md.append("# Import report\n\n");
    md.append("Imported from `").append(report.source()).append("` by `sluice import ssis`.\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%d of %d elements converted (%s); %s%s; %s.\n\n",
            report.converted(),
            report.elements(),
            percent(report.converted(), report.elements()),
            count(
                    report.entries().stream()
                        .filter(
                            e ->
                                e.outcome() == Outcome.PLACEHOLDER
                                    && e.kind() != ElementKind.COMPONENT)
                        .count(),
                    "placeholder task fails",
                    "placeholder tasks fail")
                + " if reached",
            components == 0
                ? ""
                : "; "
                    + count(
                        components, "placeholder component fails", "placeholder components fail")
                    + " until ported",
            count(
                report.entries().stream()
                    .filter(e -> e.kind().counted() && e.outcome() == Outcome.LEFT_OUT)
                    .count(),
                "element left out",
                "elements left out")));
    md.append("| element | converted | placeholder | left out |\n|---|---:|---:|---:|\n");
    for (ElementKind kind : ElementKind.values()) {
      if (kind == ElementKind.SQL) {
        continue; // its own section below
      }
      long c = report.count(kind, Outcome.CONVERTED);
      long p = report.count(kind, Outcome.PLACEHOLDER);
      long l = report.count(kind, Outcome.LEFT_OUT);
      if (c + p + l > 0) {
        md.append("| ")
            .append(label(kind))
            .append(" | ")
            .append(c)
            .append(" | ")
            .append(p)
            .append(" | ")
            .append(l)
            .append(" |\n");
      }
    }
    List<ImportEntry> todo =
        report.needingAttention().stream().filter(e -> e.kind() != ElementKind.SQL).toList();
    md.append("\n## What needs attention\n\n");
    if (todo.isEmpty()) {
      md.append("Nothing: every element was converted.\n");
    } else {
      md.append("| package | where | SSIS type | outcome | why | what to do |\n");
      md.append("|---|---|---|---|---|---|\n");
      for (ImportEntry e : todo) {
        row(
            md,
            e,
            e.outcome() == Outcome.PLACEHOLDER && e.kind() == ElementKind.COMPONENT
                ? "placeholder component"
                : outcome(e.outcome()),
            cell(e.note()),
            cell(e.todo()));
      }
    }
    sql(md, report);
    md.append("\n## Converted\n\n");
    md.append("| package | where | SSIS type |\n|---|---|---|\n");
    for (ImportEntry e : report.entries()) {
      if (!e.needsAttention() && e.kind() != ElementKind.SQL) {
        row(md, e);
      }
    }
    return md.toString();
  }

  /**
   * The T-SQL constructs of the statements checked for PostgreSQL (their connection is PostgreSQL,
   * or the import was asked for {@code --sql-dialect postgresql}): what was rewritten, before and
   * after, and what PostgreSQL refuses and stays as written. No section when nothing was checked.
   */
  private static void sql(StringBuilder md, ImportReport report) {
    List<ImportEntry> sql =
        report.entries().stream().filter(e -> e.kind() == ElementKind.SQL).toList();
    if (sql.isEmpty()) {
      return;
    }
    long rewritten =
        sql.stream().filter(e -> e.outcome() == Outcome.CONVERTED && e.todo() == null).count();
    long refused = sql.stream().filter(e -> e.outcome() != Outcome.CONVERTED).count();
    md.append("\n## SQL for PostgreSQL\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Statements are checked for PostgreSQL when their connection is PostgreSQL or the"
                + " import was asked for `--sql-dialect postgresql`; each line is one kind of construct in"
                + " one statement: %d rewritten, %d kept as written that PostgreSQL refuses, %d"
                + " to check.\n\n",
            rewritten,
            refused,
            sql.size() - rewritten - refused));
    md.append("| package | statement | T-SQL | outcome | what | what to do |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (ImportEntry e : sql) {
      row(
          md,
          e,
          e.outcome() != Outcome.CONVERTED
              ? "kept; PostgreSQL refuses it"
              : e.todo() == null ? "rewritten" : "check",
          cell(e.note()),
          cell(e.todo()));
    }
  }

  /**
   * A table row: the entry's package, path and SSIS type, then {@code more} cells as given (already
   * escaped).
   */
  private static void row(StringBuilder md, ImportEntry e, String... more) {
    md.append("| ")
        .append(cell(e.packageName() == null ? "(project)" : e.packageName()))
        .append(" | `")
        .append(code(e.path()))
        .append("` | ")
        .append(cell(e.ssisType()));
    for (String text : more) {
      md.append(" | ").append(text);
    }
    md.append(" |\n");
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "100%" : String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
  }

  private static String label(ElementKind kind) {
    return switch (kind) {
      case PARAMETER -> "parameters";
      case VARIABLE -> "variables";
      case CONNECTION -> "connection managers";
      case TASK -> "tasks";
      case CONTAINER -> "containers";
      case CONSTRAINT -> "precedence constraints";
      case EVENT_HANDLER -> "event handlers";
      case COMPONENT -> "data-flow components";
      case PROPERTY -> "settings and property expressions";
      case SQL -> "T-SQL constructs checked for PostgreSQL";
    };
  }

  private static String outcome(Outcome outcome) {
    return switch (outcome) {
      case CONVERTED -> "converted, check";
      case PLACEHOLDER -> "placeholder task";
      case LEFT_OUT -> "left out";
    };
  }

  /**
   * A table cell: one line, pipes escaped. Backslashes stay as they are, so Windows paths read the
   * same in a terminal; Markdown shows a backslash before a letter as itself.
   */
  private static String cell(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
  }

  /** Inside backticks: one line, pipes escaped, backticks replaced. */
  private static String code(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace('`', '\'').replaceAll("\\R", " ");
  }
}
