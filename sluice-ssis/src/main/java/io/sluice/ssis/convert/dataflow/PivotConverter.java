package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Pivot to {@code Pivot}: input columns by PivotUsage (0 pass-through, 1 set key, 2 pivot key, 3
 * pivot value); each output column copies its SourceColumn, and those of the pivot value column
 * with a PivotKeyValue become the pivoted columns. PassThroughUnmatchedPivotKeys becomes {@code
 * ignoreUnmatchedKeys}; the error output's disposition is the input's.
 */
final class PivotConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("Pivot");
    Map<String, Integer> usage = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    List<String> setKey = new ArrayList<>();
    List<String> passThrough = new ArrayList<>();
    String pivotKey = null;
    String pivotValue = null;
    String valueLineage = null;
    for (Element in : c.inputs.get(0).columns()) {
      String lineage = in.getAttribute("lineageId");
      String name = f.inputColumn(in);
      String written = SsisComponent.properties(in).getOrDefault("PivotUsage", "0").trim();
      int u;
      try {
        u = Integer.parseInt(written);
      } catch (NumberFormatException e) {
        throw new FlowContext.NotConvertible("column " + name + " has PivotUsage " + written);
      }
      usage.put(lineage, u);
      names.put(lineage, name);
      switch (u) {
        case 1 -> setKey.add(name);
        case 2 -> pivotKey = name;
        case 3 -> {
          pivotValue = name;
          valueLineage = lineage;
        }
        default -> {}
      }
    }
    if (pivotKey == null || pivotValue == null) {
      throw new FlowContext.NotConvertible("it has no pivot key or no pivot value column");
    }
    List<Map<String, Object>> columns = new ArrayList<>();
    for (Element o : c.dataOutputs().get(0).columns()) {
      Map<String, String> p = SsisComponent.properties(o);
      String source = UnpivotConverter.lineage(p.getOrDefault("SourceColumn", ""));
      String name = o.getAttribute("name");
      if (source.equals(valueLineage)) {
        String key = p.getOrDefault("PivotKeyValue", "");
        Map<String, Object> col = new LinkedHashMap<>();
        col.put("name", name);
        col.put("pivotKeyValue", key);
        columns.add(col);
        continue;
      }
      Integer u = usage.get(source);
      if (u == null) {
        throw new FlowContext.NotConvertible(
            "its output column " + name + " copies no input column");
      }
      if (!names.get(source).equalsIgnoreCase(name)) {
        throw new FlowContext.NotConvertible(
            "it passes column " + names.get(source) + " as " + name + "; Sluice keeps the name");
      }
      if (u == 0) {
        passThrough.add(name);
      }
    }
    boolean ignoreUnmatched =
        "true".equalsIgnoreCase(c.property("PassThroughUnmatchedPivotKeys", ""));
    if (columns.isEmpty() && !ignoreUnmatched) {
      throw new FlowContext.NotConvertible("it has no pivoted output column");
    }
    out.put("setKey", setKey);
    out.put("pivotKey", pivotKey);
    out.put("pivotValue", pivotValue);
    if (!passThrough.isEmpty()) {
      out.put("passThrough", passThrough);
    }
    out.put("columns", columns);
    if (ignoreUnmatched) {
      out.put("ignoreUnmatchedKeys", true);
    }
    String onError = FlowContext.onError(c.inputs.get(0).attr("errorRowDisposition"));
    out.putIf("onError", onError);
    return out;
  }
}
