package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conditional Split to {@code ConditionalSplit}: its conditions in evaluation order, each output
 * keeping its SSIS name, and the default output's name.
 */
final class ConditionalSplitConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("ConditionalSplit");
    List<SsisComponent.Port> cases = new ArrayList<>();
    String defaultOutput = null;
    String onError = null;
    for (SsisComponent.Port o : c.dataOutputs()) {
      Map<String, String> p = SsisComponent.properties(o.element());
      out.outputs.put(o.refId(), o.name());
      if (Boolean.parseBoolean(p.getOrDefault("IsDefaultOut", "false").trim())) {
        defaultOutput = o.name();
      } else {
        cases.add(o);
        if (onError == null) {
          onError = FlowContext.onError(o.attr("errorRowDisposition"));
        }
      }
    }
    cases.sort(Comparator.comparingInt(ConditionalSplitConverter::order));
    List<Map<String, Object>> conditions = new ArrayList<>();
    for (SsisComponent.Port o : cases) {
      Map<String, Object> cond = new LinkedHashMap<>();
      cond.put("output", o.name());
      cond.put(
          "expression",
          DerivedColumnConverter.expression(SsisComponent.properties(o.element()), f));
      conditions.add(cond);
    }
    if (conditions.isEmpty()) {
      throw new FlowContext.NotConvertible("it has no condition");
    }
    out.put("conditions", conditions);
    out.putIf("defaultOutput", defaultOutput);
    out.putIf("onError", onError);
    return out;
  }

  private static int order(SsisComponent.Port o) {
    String v = SsisComponent.properties(o.element()).getOrDefault("EvaluationOrder", "0").trim();
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
