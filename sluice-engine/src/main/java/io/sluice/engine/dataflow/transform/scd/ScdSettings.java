package io.sluice.engine.dataflow.transform.scd;

import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.project.Suggestions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The settings of a SlowlyChangingDimension that need no database or input columns, read the same
 * way when the project is validated and when the flow is planned: a misspelt change type or option
 * is refused at validation.
 */
record ScdSettings(
    String table,
    List<String> businessKey,
    Map<String, ChangeType> columns,
    History history,
    boolean updateAllMatchingRecords,
    boolean failOnFixedChange,
    Inferred inferred) {

  /** SSIS's change types of a dimension column. */
  enum ChangeType {
    FIXED,
    CHANGING,
    HISTORICAL;

    static ChangeType parse(String column, String text) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "fixed" -> FIXED;
        case "changing" -> CHANGING;
        case "historical" -> HISTORICAL;
        default ->
            throw new PlanningException(
                "column '"
                    + column
                    + "' has change type '"
                    + text
                    + "'; use fixed, changing (type 1) or historical (type 2)");
      };
    }
  }

  /**
   * How the dimension tells its current row of a business key from expired ones: SSIS's "use a
   * single column to show current and expired records" or "use start and end dates".
   *
   * @param flagColumn the current-flag column, or null when dates are used
   * @param current the flag's value on the current row (compared as text)
   * @param expired the flag's value on an expired row (for the update you write downstream; only
   *     recorded, so it may be left out)
   * @param endDate the end-date column: NULL on the current row
   */
  record History(
      String flagColumn, String current, String expired, String startDate, String endDate) {

    /** The column that marks the current row. */
    String marker() {
      return flagColumn != null ? flagColumn : endDate;
    }
  }

  /**
   * Inferred member support: a row is an inferred member when its boolean {@code indicator} column
   * is true, or (indicator null) when every column with a change type is NULL.
   */
  record Inferred(String indicator) {}

  private static final Set<String> HISTORY_KEYS = Set.of("currentFlag", "startDate", "endDate");
  private static final Set<String> FLAG_KEYS = Set.of("column", "current", "expired");
  private static final Set<String> INFERRED_KEYS = Set.of("indicator");

  static ScdSettings read(Settings s) {
    String table = s.string("table");
    List<String> key = s.strings("businessKey");
    if (key.isEmpty()) {
      throw new PlanningException(
          "setting 'businessKey' is required: the column(s) that identify a member");
    }
    Map<String, ChangeType> columns = new LinkedHashMap<>();
    for (Map.Entry<String, Object> c : s.map("columns").asMap().entrySet()) {
      if (key.stream().anyMatch(c.getKey()::equalsIgnoreCase)) {
        throw new PlanningException(
            "column '"
                + c.getKey()
                + "' is in the business key; it cannot also have a change type");
      }
      columns.put(c.getKey(), ChangeType.parse(c.getKey(), String.valueOf(c.getValue())));
    }
    if (columns.isEmpty()) {
      // SSIS: DTS_E_TXSCD_NOTYPEDCOLUMNSATINPUT
      throw new PlanningException(
          "setting 'columns' must give at least one column a change type"
              + " (column: fixed | changing | historical)");
    }
    History history = history(s);
    if (history == null && columns.containsValue(ChangeType.HISTORICAL)) {
      throw new PlanningException(
          "historical columns need 'historicalBy': {currentFlag: {column, current, expired}}"
              + " or {startDate: column, endDate: column}");
    }
    return new ScdSettings(
        table,
        key,
        columns,
        history,
        s.bool("updateAllMatchingRecords", false),
        fixedChange(s.string("fixedAttributeChange", "fail")),
        inferred(s));
  }

  private static boolean fixedChange(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "fail" -> true;
      case "redirect" -> false;
      default ->
          throw new PlanningException(
              "fixedAttributeChange '"
                  + text
                  + "' is unknown; use fail (SSIS's default) or redirect (Fixed output)");
    };
  }

  private static History history(Settings s) {
    if (!s.has("historicalBy")) {
      return null;
    }
    Settings h = s.map("historicalBy");
    unknownKeys(h, HISTORY_KEYS, "historicalBy");
    if (h.has("currentFlag")) {
      if (h.has("startDate") || h.has("endDate")) {
        throw new PlanningException(
            "historicalBy takes currentFlag or startDate/endDate, not both");
      }
      Settings f = h.map("currentFlag");
      unknownKeys(f, FLAG_KEYS, "historicalBy: currentFlag");
      return new History(
          f.string("column"), f.string("current"), f.string("expired", null), null, null);
    }
    if (!h.has("startDate") || !h.has("endDate")) {
      throw new PlanningException(
          "historicalBy needs currentFlag: {column, current, expired} or both startDate and"
              + " endDate");
    }
    return new History(null, null, null, h.string("startDate"), h.string("endDate"));
  }

  private static Inferred inferred(Settings s) {
    Object raw = s.raw("inferredMembers");
    if (raw == null || Boolean.FALSE.equals(raw)) {
      return null;
    }
    if (Boolean.TRUE.equals(raw) || "allNull".equals(raw)) {
      return new Inferred(null);
    }
    if (raw instanceof Map<?, ?>) {
      Settings i = s.map("inferredMembers");
      unknownKeys(i, INFERRED_KEYS, "inferredMembers");
      return new Inferred(i.string("indicator"));
    }
    throw new PlanningException(
        "inferredMembers '"
            + raw
            + "' is unknown; use allNull (every column with a change type NULL) or"
            + " {indicator: column}");
  }

  private static void unknownKeys(Settings map, Set<String> known, String where) {
    for (String key : map.asMap().keySet()) {
      if (!known.contains(key)) {
        throw new PlanningException(Suggestions.unknown("setting", key, "'" + where + "'", known));
      }
    }
  }
}
