package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Unpivot to {@code Unpivot}. Each input column names its output column (DestinationColumn, a
 * lineage reference): with a PivotKeyValue it is unpivoted into that column, without one it passes
 * through. The output column whose PivotKey is true holds the pivot key values, with its SSIS type.
 */
final class UnpivotConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("Unpivot");
    Map<String, Element> outputs = new LinkedHashMap<>();
    String keyColumn = null;
    String keyType = null;
    for (Element o : c.dataOutputs().get(0).columns()) {
      outputs.put(o.getAttribute("lineageId"), o);
      outputs.put(o.getAttribute("id"), o);
      if ("true".equalsIgnoreCase(SsisComponent.properties(o).getOrDefault("PivotKey", ""))) {
        keyColumn = o.getAttribute("name");
        keyType = PipelineTypes.of(o).orElse(null);
      }
    }
    if (keyColumn == null) {
      throw new FlowContext.NotConvertible("it has no pivot key value column (PivotKey)");
    }
    List<String> passThrough = new ArrayList<>();
    List<Map<String, Object>> columns = new ArrayList<>();
    for (Element in : c.inputs.get(0).columns()) {
      Map<String, String> p = SsisComponent.properties(in);
      String input = f.inputColumn(in);
      Element destination = outputs.get(lineage(p.getOrDefault("DestinationColumn", "")));
      if (destination == null) {
        continue; // -1: the value is not used in output rows
      }
      String name = destination.getAttribute("name");
      String key = p.getOrDefault("PivotKeyValue", "");
      if (key.isEmpty()) {
        if (!name.equalsIgnoreCase(input)) {
          throw new FlowContext.NotConvertible(
              "it passes column " + input + " through as " + name + "; Sluice keeps the name");
        }
        passThrough.add(input);
      } else {
        Map<String, Object> col = new LinkedHashMap<>();
        col.put("input", input);
        col.put("destination", name);
        col.put("pivotKeyValue", key);
        columns.add(col);
      }
    }
    if (columns.isEmpty()) {
      throw new FlowContext.NotConvertible("it unpivots no column");
    }
    out.put("pivotKeyColumn", keyColumn);
    out.putIf("pivotKeyType", keyType);
    out.put("passThrough", passThrough);
    out.put("columns", columns);
    return out;
  }

  /** {@code #{Package\...Columns[X]}} (formats 6 and 8) or {@code #12} / {@code 12} (2008). */
  static String lineage(String reference) {
    String t = reference.trim();
    if (t.startsWith("#{") && t.endsWith("}")) {
      return t.substring(2, t.length() - 1);
    }
    return t.startsWith("#") ? t.substring(1) : t;
  }
}
