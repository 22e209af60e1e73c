package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Lookup to {@code Lookup}, its cache mode kept (Full, Partial with its size and miss cache, No
 * cache). No-match handling: SSIS's "redirect to the no match output" is {@code redirect}; "treat
 * as error" follows the match output's disposition (fail, ignore: NULL columns, redirect: the Error
 * output).
 */
final class LookupConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("Lookup");
    boolean onCache = !"0".equals(c.property("ConnectionType", "0").trim());
    if (onCache) {
      // SSIS's Cache connection manager: the cache's columns are the reference, no query
      out.put("connection", f.connection(c, "cache"));
    } else {
      String connection = f.connection(c, "jdbc");
      out.put("connection", connection);
      String sql = c.property("SqlCommand", "");
      if (sql.isBlank()) {
        throw new FlowContext.NotConvertible("its reference query is empty");
      }
      out.put("query", SqlText.kept(sql, c, f, connection));
    }
    Map<String, Object> joins = new LinkedHashMap<>();
    for (Element in : c.inputs.get(0).columns()) {
      Map<String, String> p = SsisComponent.properties(in);
      String join = p.get("JoinToReferenceColumn");
      if (join != null && !join.isBlank()) {
        joins.put(f.inputColumn(in), join.trim());
      }
      String copy = p.get("CopyFromReferenceColumn");
      if (copy != null && !copy.isBlank()) {
        throw new FlowContext.NotConvertible(
            "it overwrites the input column "
                + f.inputColumn(in)
                + " with the reference's "
                + copy
                + "; Sluice's Lookup adds columns",
            "return the reference column under a new name and replace it with a Derived Column");
      }
    }
    if (joins.isEmpty()) {
      throw new FlowContext.NotConvertible("it joins on no column");
    }
    out.put("joins", joins);
    List<SsisComponent.Port> data = c.dataOutputs();
    SsisComponent.Port match = data.get(0);
    out.outputs.put(match.refId(), "Match");
    if (data.size() > 1) {
      out.outputs.put(data.get(1).refId(), "NoMatch");
    }
    List<Map<String, Object>> columns = new ArrayList<>();
    for (Element o : match.columns()) {
      String ref = SsisComponent.properties(o).get("CopyFromReferenceColumn");
      if (ref == null || ref.isBlank()) {
        continue;
      }
      Map<String, Object> col = new LinkedHashMap<>();
      col.put("reference", ref.trim());
      col.put("output", o.getAttribute("name"));
      columns.add(col);
    }
    if (!columns.isEmpty()) {
      out.put("columns", columns);
    }
    String behaviour = c.property("NoMatchBehavior", "0").trim();
    if (behaviour.equals("1")) {
      out.put("noMatch", "redirect");
    } else {
      String onError = FlowContext.onError(match.attr("errorRowDisposition"));
      if (onError != null) {
        out.put("noMatch", onError.equals("redirect") ? "error" : onError);
      }
    }
    if (!onCache) {
      cacheMode(c, out);
    }
    if (Boolean.parseBoolean(c.property("TreatDuplicateKeysAsError", "false").trim())) {
      out.unhonoured.put(
          "TreatDuplicateKeysAsError",
          "Sluice keeps the first row of a repeated reference key, with a warning, instead of"
              + " failing");
    }
    return out;
  }

  /**
   * SSIS's CacheType (0 Full, 1 Partial, 2 No cache) as {@code cacheMode}; a partial cache keeps
   * its size (MaxMemoryUsage64, the 64-bit runtime's, in MB) and its miss cache
   * (NoMatchCachePercentage above 0). Sluice generates the parameterised query itself, so only an
   * edited SqlCommandParam is reported.
   */
  private static void cacheMode(SsisComponent c, Converted out) {
    String cache = c.property("CacheType", "0").trim();
    if (cache.equals("0")) {
      return;
    }
    out.put("cacheMode", cache.equals("1") ? "partial" : "none");
    if (cache.equals("1")) {
      long mb = number(c.property("MaxMemoryUsage64", "25"), 25);
      if (mb != 25) {
        out.put("cacheSizeMb", mb);
      }
      if (number(c.property("NoMatchCachePercentage", "0"), 0) > 0) {
        out.put("missCache", true);
        out.notes.add(
            "miss cache: Sluice keeps rows without a match in the same cache rather than in "
                + c.property("NoMatchCachePercentage", "0").trim()
                + "% of it");
      }
    }
    String param = c.property("SqlCommandParam", "").trim();
    if (!param.isEmpty() && !generated(param, c.property("SqlCommand", ""))) {
      out.unhonoured.put(
          "SqlCommandParam",
          "Sluice asks for a buffer's keys with its own statement around the reference query,"
              + " not with an edited parameterised query");
    }
  }

  /**
   * Whether the parameterised query is the one SSIS's editor generates from the reference query.
   */
  private static boolean generated(String param, String sql) {
    String compact = param.replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    return compact.startsWith(
        ("select * from (" + sql.trim() + ")")
            .replaceAll("\\s+", " ")
            .toLowerCase(java.util.Locale.ROOT));
  }

  private static long number(String text, long fallback) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
