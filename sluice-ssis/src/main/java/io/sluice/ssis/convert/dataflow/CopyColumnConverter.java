package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/** Copy Column to {@code CopyColumn}: each output column copies one input column. */
final class CopyColumnConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("CopyColumn");
    List<Map<String, Object>> columns = new ArrayList<>();
    for (Element o : c.dataOutputs().get(0).columns()) {
      String source = SsisComponent.properties(o).get("copyColumnId");
      if (source == null || source.isBlank()) {
        throw new FlowContext.NotConvertible(
            "its column " + o.getAttribute("name") + " names no input column");
      }
      columns.add(Map.of("input", f.columnReference(source), "output", o.getAttribute("name")));
    }
    out.put("columns", columns);
    return out;
  }
}
