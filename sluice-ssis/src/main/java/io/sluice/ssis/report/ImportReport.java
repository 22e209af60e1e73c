package io.sluice.ssis.report;

import java.util.List;

/**
 * What an import converted, approximated, replaced by placeholders and left out: every element of
 * every package, in the order of the packages. IMPORT.md is its text ({@link
 * ImportReportMarkdown}); {@code --json} will print the same record.
 *
 * @param source what was imported, as the user named it
 */
public record ImportReport(String source, List<ImportEntry> entries) {

  public ImportReport {
    entries = List.copyOf(entries);
  }

  /** Elements counted for coverage (tasks, containers, connections, ... not properties). */
  public long elements() {
    return entries.stream().filter(e -> e.kind().counted()).count();
  }

  /** Counted elements that run as in SSIS. */
  public long converted() {
    return entries.stream()
        .filter(e -> e.kind().counted() && e.outcome() == ImportEntry.Outcome.CONVERTED)
        .count();
  }

  public long count(ImportEntry.ElementKind kind, ImportEntry.Outcome outcome) {
    return entries.stream().filter(e -> e.kind() == kind && e.outcome() == outcome).count();
  }

  public List<ImportEntry> needingAttention() {
    return entries.stream().filter(ImportEntry::needsAttention).toList();
  }
}
