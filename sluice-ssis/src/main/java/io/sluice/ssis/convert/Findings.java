package io.sluice.ssis.convert;

import io.sluice.ssis.report.ImportEntry;
import io.sluice.ssis.report.ImportEntry.ElementKind;
import io.sluice.ssis.report.ImportEntry.Outcome;
import java.util.ArrayList;
import java.util.List;

/** Collects the import report's entries as the converters meet each element. */
final class Findings {

  private final List<ImportEntry> entries = new ArrayList<>();

  List<ImportEntry> entries() {
    return entries;
  }

  /** Where the next entry will go, for {@link #moveLastTo}. */
  int mark() {
    return entries.size();
  }

  /** Drops the entries recorded since {@code mark}: an element whose conversion broke off. */
  void dropSince(int mark) {
    entries.subList(mark, entries.size()).clear();
  }

  /**
   * Moves the last entry to {@code index}: a container is recorded once its children are, but is
   * listed before them, as in the package.
   */
  void moveLastTo(int index) {
    entries.add(index, entries.remove(entries.size() - 1));
  }

  void converted(String pkg, String path, ElementKind kind, String ssisType) {
    entries.add(new ImportEntry(pkg, path, kind, ssisType, Outcome.CONVERTED, null, null));
  }

  /** Converted, with something the user should check. */
  void convertedWithNote(
      String pkg, String path, ElementKind kind, String ssisType, String note, String todo) {
    entries.add(new ImportEntry(pkg, path, kind, ssisType, Outcome.CONVERTED, note, todo));
  }

  void placeholder(
      String pkg, String path, ElementKind kind, String ssisType, String why, String todo) {
    entries.add(new ImportEntry(pkg, path, kind, ssisType, Outcome.PLACEHOLDER, why, todo));
  }

  void leftOut(
      String pkg, String path, ElementKind kind, String ssisType, String why, String todo) {
    entries.add(new ImportEntry(pkg, path, kind, ssisType, Outcome.LEFT_OUT, why, todo));
  }
}
