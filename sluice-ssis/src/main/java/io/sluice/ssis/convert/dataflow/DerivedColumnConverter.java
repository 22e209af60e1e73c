package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Derived Column to {@code DerivedColumn}. SSIS expressions are the engine's expression language:
 * each is kept, with its lineage references made column names. New columns take their SSIS type
 * (SSIS casts the result to it); a replaced column keeps its input type.
 */
final class DerivedColumnConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("DerivedColumn");
    List<Map<String, Object>> columns = new ArrayList<>();
    for (Element in : c.inputs.isEmpty() ? List.<Element>of() : c.inputs.get(0).columns()) {
      Map<String, String> p = SsisComponent.properties(in);
      if (p.containsKey("Expression")) {
        Map<String, Object> col = new LinkedHashMap<>();
        col.put("name", f.inputColumn(in));
        col.put("expression", expression(p, f));
        col.put("replace", true);
        disposition(in, col, out);
        columns.add(col);
      }
    }
    for (Element o : c.dataOutputs().get(0).columns()) {
      Map<String, String> p = SsisComponent.properties(o);
      Map<String, Object> col = new LinkedHashMap<>();
      col.put("name", o.getAttribute("name"));
      col.put("expression", expression(p, f));
      col.put("type", PipelineTypes.required(o, "has type"));
      disposition(o, col, out);
      columns.add(col);
    }
    if (columns.isEmpty()) {
      throw new FlowContext.NotConvertible("it derives no column");
    }
    out.put("columns", columns);
    return out;
  }

  static String expression(Map<String, String> properties, FlowContext f) {
    String e = properties.get("Expression");
    if (e == null || e.isBlank()) {
      e = properties.get("FriendlyExpression");
      if (e == null || e.isBlank()) {
        throw new FlowContext.NotConvertible("one of its columns has no expression");
      }
      return e;
    }
    return f.expression(e);
  }

  /** A column's error disposition as the engine's per-column {@code onError}. */
  static void disposition(Element column, Map<String, Object> col, Converted out) {
    String onError = FlowContext.onError(column.getAttribute("errorRowDisposition"));
    String onTruncation = FlowContext.onError(column.getAttribute("truncationRowDisposition"));
    if (onError != null) {
      col.put("onError", onError);
    }
    if (onTruncation != null && !onTruncation.equals(onError)) {
      out.notes.add(
          "column "
              + col.get("name")
              + " handles truncation ("
              + onTruncation
              + ") unlike other errors; Sluice applies "
              + (onError == null ? "fail" : onError)
              + " to both");
    }
  }
}
