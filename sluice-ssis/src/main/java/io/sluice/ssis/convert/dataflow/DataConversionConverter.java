package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/** Data Conversion to {@code DataConversion}: each output column converts one input column. */
final class DataConversionConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("DataConversion");
    List<Map<String, Object>> conversions = new ArrayList<>();
    for (Element o : c.dataOutputs().get(0).columns()) {
      Map<String, String> p = SsisComponent.properties(o);
      String source = p.get("SourceInputColumnLineageID");
      if (source == null || source.isBlank()) {
        throw new FlowContext.NotConvertible(
            "its column " + o.getAttribute("name") + " names no input column");
      }
      Map<String, Object> conv = new LinkedHashMap<>();
      conv.put("input", f.columnReference(source));
      conv.put("output", o.getAttribute("name"));
      conv.put("type", PipelineTypes.required(o, "converts to"));
      Map<String, Object> named = new LinkedHashMap<>();
      named.put("name", o.getAttribute("name"));
      DerivedColumnConverter.disposition(o, named, out);
      if (named.containsKey("onError")) {
        conv.put("onError", named.get("onError"));
      }
      conversions.add(conv);
    }
    out.put("conversions", conversions);
    return out;
  }
}
