package io.sluice.ssis.report;

import io.sluice.ssis.report.ImportEntry.ElementKind;
import io.sluice.ssis.report.ImportEntry.Outcome;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much of what an import met runs as in SSIS (issue 12's measure): elements (tasks, containers,
 * connection managers, data-flow components, precedence constraints, event handlers, variables,
 * parameters) and those converted; the share of tasks and containers, and of data-flow components.
 * A placeholder task is not converted. Shares of nothing are 100%.
 */
public record Coverage(
    long elements,
    long converted,
    long tasks,
    long tasksConverted,
    long components,
    long componentsConverted) {

  public static Coverage of(Collection<ImportEntry> entries) {
    long elements = 0;
    long converted = 0;
    long tasks = 0;
    long tasksConverted = 0;
    long components = 0;
    long componentsConverted = 0;
    for (ImportEntry e : entries) {
      if (!e.kind().counted()) {
        continue;
      }
      boolean ok = e.outcome() == Outcome.CONVERTED;
      elements++;
      converted += ok ? 1 : 0;
      if (e.kind() == ElementKind.TASK || e.kind() == ElementKind.CONTAINER) {
        tasks++;
        tasksConverted += ok ? 1 : 0;
      } else if (e.kind() == ElementKind.COMPONENT) {
        components++;
        componentsConverted += ok ? 1 : 0;
      }
    }
    return new Coverage(
        elements, converted, tasks, tasksConverted, components, componentsConverted);
  }

  public double coveragePct() {
    return percent(converted, elements);
  }

  public double tasksPct() {
    return percent(tasksConverted, tasks);
  }

  public double componentsPct() {
    return percent(componentsConverted, components);
  }

  /** A share as bench/import prints it: one decimal, a dot. */
  public static String format(double pct) {
    return String.format(Locale.ROOT, "%.1f", pct);
  }

  /**
   * The elements not converted, by kind and SSIS type ({@code TASK Microsoft.SendMailTask}), most
   * frequent first: what is left to do.
   */
  public static Map<String, Long> unconverted(Collection<ImportEntry> entries) {
    Map<String, Long> counts = new TreeMap<>();
    for (ImportEntry e : entries) {
      if (e.kind().counted() && e.outcome() != Outcome.CONVERTED) {
        counts.merge(e.kind() + " " + e.ssisType(), 1L, Long::sum);
      }
    }
    Map<String, Long> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 100.0 : 100.0 * part / whole;
  }
}
