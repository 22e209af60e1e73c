package io.sluice.console.executions;

import io.sluice.catalog.execution.Execution;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.report.ExecutionPage;
import io.sluice.console.web.Chrome;
import io.sluice.console.web.Format;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The model of executions.jte: the filter as typed, and one page of the executions it finds (the
 * same read as {@code GET /api/v1/reports/executions}), with how many match and the cursor of the
 * next, older page.
 */
public record ExecutionsView(Chrome chrome, Instant now, Filter filter, ExecutionPage page) {

  /**
   * The filter's fields as the form shows them (empty: not filtered).
   *
   * @param before the page's keyset cursor: executions listed after this id; null for the newest
   */
  public record Filter(
      String folder,
      String project,
      String packageName,
      String status,
      String since,
      String until,
      String worker,
      String caller,
      Long before,
      int limit) {

    /** The filter as a query string, without the cursor ({@code folder=F&status=failed}). */
    String query() {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("folder", folder);
      fields.put("project", project);
      fields.put("package", packageName);
      fields.put("status", status);
      fields.put("since", since);
      fields.put("until", until);
      fields.put("worker", worker);
      fields.put("caller", caller);
      if (limit != io.sluice.catalog.execution.ExecutionFilter.DEFAULT_LIMIT) {
        fields.put("limit", String.valueOf(limit));
      }
      return fields.entrySet().stream()
          .filter(e -> !e.getValue().isEmpty())
          .map(e -> e.getKey() + "=" + Format.query(e.getValue()))
          .collect(Collectors.joining("&"));
    }
  }

  public List<Execution> executions() {
    return page.executions();
  }

  /** How many match: {@code 1,234 executions match}, or {@code more than 10,000} past the count. */
  public String total() {
    String n = String.format(java.util.Locale.ROOT, "%,d", page.total());
    String noun = page.total() == 1 ? " execution matches" : " executions match";
    return page.totalExact() ? n + noun : "More than " + n + noun.replace("matches", "match");
  }

  /** The next, older page; null on the last. */
  public String olderHref() {
    if (page.nextBefore() == null) {
      return null;
    }
    String query = filter.query();
    return "/console/executions?"
        + (query.isEmpty() ? "" : query + "&")
        + "before="
        + page.nextBefore();
  }

  /** The first page of the same filter; null when this is it. */
  public String newestHref() {
    if (filter.before() == null) {
      return null;
    }
    String query = filter.query();
    return "/console/executions" + (query.isEmpty() ? "" : "?" + query);
  }

  public List<OperationStatus> statuses() {
    return List.of(OperationStatus.values());
  }
}
