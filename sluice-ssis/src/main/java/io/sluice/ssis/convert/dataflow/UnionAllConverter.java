package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Union All to {@code UnionAll}. SSIS maps each input's columns to output columns
 * (OutputColumnLineageID); the engine matches them by name, so an input column mapped to an output
 * column of another name is renamed before its input, and the output lists its columns.
 */
final class UnionAllConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("UnionAll");
    SsisComponent.Port output = c.dataOutputs().get(0);
    Map<String, String> outputNames = new HashMap<>();
    List<String> columns = new ArrayList<>();
    for (Element o : output.columns()) {
      outputNames.put(o.getAttribute("lineageId"), o.getAttribute("name"));
      outputNames.put(o.getAttribute("id"), o.getAttribute("name"));
      columns.add(o.getAttribute("name"));
    }
    for (int i = 0; i < c.inputs.size(); i++) {
      Map<String, String> renames = new LinkedHashMap<>();
      for (Element in : c.inputs.get(i).columns()) {
        String target = SsisComponent.properties(in).getOrDefault("OutputColumnLineageID", "");
        String t = target.trim();
        if (t.startsWith("#{") && t.endsWith("}")) {
          t = t.substring(2, t.length() - 1);
        } else if (t.startsWith("#")) {
          t = t.substring(1);
        }
        String name = outputNames.get(t);
        if (name == null) {
          continue;
        }
        String from = f.inputColumn(in);
        if (!from.equalsIgnoreCase(name)) {
          renames.put(name, from);
        }
      }
      if (!renames.isEmpty()) {
        out.inputRenames.put(i, renames);
      }
    }
    out.put("columns", columns);
    return out;
  }
}
