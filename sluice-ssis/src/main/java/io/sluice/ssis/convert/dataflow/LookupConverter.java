package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Lookup to {@code Lookup}. The engine caches the whole reference once per run (SSIS's full cache);
 * a partial or no-cache Lookup gives the same rows unless the reference changes while the flow
 * runs, which the report says. No-match handling: SSIS's "redirect to the no match output" is
 * {@code redirect}; "treat as error" follows the match output's disposition (fail, ignore: NULL
 * columns, redirect: the Error output).
 */
final class LookupConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("Lookup");
    if (!"0".equals(c.property("ConnectionType", "0").trim())) {
      throw new FlowContext.NotConvertible(
          "it reads its reference from a Cache connection manager (a Cache Transform's data),"
              + " which Sluice has not",
          "look up in the table the cache was filled from");
    }
    String connection = f.connection(c, "jdbc");
    out.put("connection", connection);
    String sql = c.property("SqlCommand", "");
    if (sql.isBlank()) {
      throw new FlowContext.NotConvertible("its reference query is empty");
    }
    out.put("query", SqlText.kept(sql, c, f, connection));
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
    String cache = c.property("CacheType", "0").trim();
    if (!cache.equals("0")) {
      out.notes.add(
          (cache.equals("1") ? "partial cache" : "no cache")
              + ": Sluice loads the whole reference once per run (full cache), so rows the"
              + " reference gains while the flow runs are not seen, and a large reference takes"
              + " memory");
    }
    if (Boolean.parseBoolean(c.property("TreatDuplicateKeysAsError", "false").trim())) {
      out.unhonoured.put(
          "TreatDuplicateKeysAsError",
          "Sluice keeps the first row of a repeated reference key, with a warning, instead of"
              + " failing");
    }
    return out;
  }
}
