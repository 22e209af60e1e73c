package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * Slowly Changing Dimension ({@code Microsoft.SCD}) to {@code SlowlyChangingDimension}: the table
 * its {@code SQLCommand} reads, each input column's {@code ColumnType} (1 key, 2 changing, 3
 * historical, 4 fixed; 0 other is not compared), {@code CurrentRowWhere} as the current flag or the
 * start and end dates, {@code UpdateChangingAttributeHistory}, {@code FailOnFixedAttributeChange}
 * and the inferred member settings; its six outputs by name. The components SSIS's wizard wired to
 * the outputs (OLE DB Commands, Derived Columns, Union All, OLE DB Destination) convert as
 * themselves.
 */
final class SlowlyChangingDimensionConverter implements ComponentConverter {

  /** {@code FROM <table>} of the wizard's SELECT, up to WHERE or the end. */
  private static final Pattern FROM =
      Pattern.compile("(?is)\\bfrom\\s+(.+?)(?:\\s+where\\b.*)?;?\\s*$");

  private static final String COLUMN = "\\[([^\\]]+)\\]|\"([^\"]+)\"|([\\p{L}_][\\p{L}\\p{N}_]*)";
  private static final Pattern IS_NULL =
      Pattern.compile("(?i)^(?:" + COLUMN + ")\\s+IS\\s+(NOT\\s+)?NULL$");
  private static final Pattern EQUALS =
      Pattern.compile("(?i)^(?:" + COLUMN + ")\\s*=\\s*(?:N?'((?:[^']|'')*)'|([\\w.-]+))$");

  /** The wizard's current/expired value pairs, by current value (lower case). */
  private static final Map<String, String> EXPIRED =
      Map.of(
          "current", "Expired",
          "true", "False",
          "1", "0",
          "active", "Inactive",
          "y", "N",
          "yes", "No");

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    String connection = f.connection(c, "jdbc");
    Converted out = new Converted("SlowlyChangingDimension").put("connection", connection);
    out.put("table", table(c));
    SsisComponent.Port input = c.inputs.get(0);
    Map<String, String> external = new HashMap<>();
    for (Element x : input.external()) {
      external.put(x.getAttribute("refId"), x.getAttribute("name"));
      external.put(x.getAttribute("id"), x.getAttribute("name"));
    }
    List<String> key = new ArrayList<>();
    Map<String, Object> columns = new LinkedHashMap<>();
    Map<String, String> renames = new LinkedHashMap<>();
    for (Element col : input.columns()) {
      String type = SsisComponent.properties(col).getOrDefault("ColumnType", "0").trim();
      String kind =
          switch (type) {
            case "1" -> "key";
            case "2" -> "changing";
            case "3" -> "historical";
            case "4" -> "fixed";
            default -> null;
          };
      if (kind == null) {
        continue;
      }
      String name = f.inputColumn(col);
      // the engine compares an input column with the dimension column of the same name
      String dimension = external.get(col.getAttribute("externalMetadataColumnId"));
      if (dimension != null && !dimension.isBlank() && !dimension.trim().equals(name)) {
        renames.put(dimension.trim(), name);
        name = dimension.trim();
      }
      if (kind.equals("key")) {
        key.add(name);
      } else {
        columns.put(name, kind);
      }
    }
    if (key.isEmpty()) {
      throw new FlowContext.NotConvertible("no input column is its business key (ColumnType 1)");
    }
    if (columns.isEmpty()) {
      throw new FlowContext.NotConvertible(
          "no input column is a changing, historical or fixed attribute (ColumnType 2, 3, 4)");
    }
    if (!renames.isEmpty()) {
      out.inputRenames.put(0, renames);
    }
    out.put("businessKey", key);
    out.put("columns", columns);
    String where = c.property("CurrentRowWhere", "").trim();
    if (!where.isEmpty()) {
      out.put("historicalBy", history(where));
    } else if (columns.containsValue("historical")) {
      throw new FlowContext.NotConvertible(
          "it has historical attributes but no CurrentRowWhere to tell the current row");
    }
    out.put("updateAllMatchingRecords", flag(c, "UpdateChangingAttributeHistory", false));
    // SSIS's own default (an absent property) is to fail
    out.put(
        "fixedAttributeChange", flag(c, "FailOnFixedAttributeChange", true) ? "fail" : "redirect");
    if (flag(c, "EnableInferredMember", false)) {
      String indicator = c.property("InferredMemberIndicator", "").trim();
      out.put(
          "inferredMembers",
          indicator.isEmpty() ? "allNull" : Map.of("indicator", unquoted(indicator)));
    }
    if (flag(c, "FailOnLookupFailure", false)) {
      out.unhonoured.put(
          "FailOnLookupFailure",
          "Sluice sends a business key the dimension does not have to the New output instead of"
              + " failing");
    }
    String change = c.property("IncomingRowChangeType", "1").trim();
    if (!change.isEmpty() && !change.equals("1")) {
      out.unhonoured.put(
          "IncomingRowChangeType",
          "Sluice always detects each row's change type (IncomingRowChangeType 1), it is "
              + change);
    }
    for (SsisComponent.Port o : c.dataOutputs()) {
      out.outputs.put(o.refId(), output(o.name()));
    }
    return out;
  }

  /** The dimension table: the one the wizard's SELECT reads. */
  private static String table(SsisComponent c) {
    String sql = property(c, "SQLCommand");
    Matcher m = FROM.matcher(sql == null ? "" : sql.trim());
    if (!m.find()) {
      throw new FlowContext.NotConvertible(
          "its SQLCommand '" + sql + "' names no table (SELECT ... FROM table)");
    }
    return FlowContext.table(m.group(1).trim());
  }

  /** A property by name in any case: Microsoft's docs write SQLCommand, packages SqlCommand. */
  private static String property(SsisComponent c, String name) {
    for (Map.Entry<String, String> p : c.properties.entrySet()) {
      if (p.getKey().equalsIgnoreCase(name)) {
        return p.getValue();
      }
    }
    return null;
  }

  /**
   * {@code CurrentRowWhere} as {@code historicalBy}: {@code [Flag] = 'Current'} (the wizard's
   * single column for current and expired rows) or {@code [Start] IS NOT NULL AND [End] IS NULL}
   * (start and end dates).
   */
  static Map<String, Object> history(String where) {
    String start = null;
    String end = null;
    Map<String, Object> flag = null;
    for (String term : where.trim().split("(?i)\\s+AND\\s+")) {
      String t = term.trim().replaceAll("^\\((.*)\\)$", "$1").trim();
      Matcher isNull = IS_NULL.matcher(t);
      Matcher equals = EQUALS.matcher(t);
      if (isNull.matches()) {
        String column = name(isNull);
        if (isNull.group(4) == null) {
          end = column;
        } else {
          start = column;
        }
      } else if (equals.matches() && flag == null) {
        String current =
            equals.group(4) != null ? equals.group(4).replace("''", "'") : equals.group(5);
        flag = new LinkedHashMap<>();
        flag.put("column", name(equals));
        flag.put("current", current);
        String expired = EXPIRED.get(current.toLowerCase(Locale.ROOT));
        if (expired != null) {
          flag.put("expired", expired);
        }
      } else {
        throw unreadable(where);
      }
    }
    Map<String, Object> history = new LinkedHashMap<>();
    if (flag != null && end == null && start == null) {
      history.put("currentFlag", flag);
    } else if (flag == null && end != null && start != null) {
      history.put("startDate", start);
      history.put("endDate", end);
    } else if (flag == null && end != null) {
      throw new FlowContext.NotConvertible(
          "its CurrentRowWhere '" + where + "' names the end date " + end + " but no start date",
          "write the wizard's condition, [Start] IS NOT NULL AND [End] IS NULL, and import again");
    } else {
      throw unreadable(where);
    }
    return history;
  }

  private static FlowContext.NotConvertible unreadable(String where) {
    return new FlowContext.NotConvertible(
        "its CurrentRowWhere '"
            + where
            + "' is neither a current flag ([Flag] = 'Current') nor start and end dates ([Start]"
            + " IS NOT NULL AND [End] IS NULL)");
  }

  private static String name(Matcher m) {
    for (int g = 1; g <= 3; g++) {
      if (m.group(g) != null) {
        return m.group(g);
      }
    }
    throw new IllegalStateException();
  }

  private static String unquoted(String column) {
    String t = column.trim();
    if ((t.startsWith("[") && t.endsWith("]")) || (t.startsWith("\"") && t.endsWith("\""))) {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }

  private static boolean flag(SsisComponent c, String property, boolean otherwise) {
    String v = c.property(property);
    if (v == null || v.isBlank()) {
      return otherwise;
    }
    return v.trim().equalsIgnoreCase("true") || v.trim().equals("-1") || v.trim().equals("1");
  }

  /** SSIS's output names ("Changing Attribute Updates Output", ...) as the engine's. */
  static String output(String ssis) {
    String n = ssis.toLowerCase(Locale.ROOT);
    if (n.contains("unchanged")) {
      return "Unchanged";
    }
    if (n.contains("new")) {
      return "New";
    }
    if (n.contains("fixed")) {
      return "Fixed";
    }
    if (n.contains("changing")) {
      return "Changing";
    }
    if (n.contains("historical")) {
      return "Historical";
    }
    if (n.contains("inferred")) {
      return "Inferred";
    }
    throw new FlowContext.NotConvertible(
        "its output '" + ssis + "' is none of SSIS's six (New, Changing, Historical, ...)");
  }
}
