package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Aggregate to {@code Aggregate}: group-by columns and one aggregate per output column
 * (AggregationType 0 group by, 1 count, 2 count all, 3 count distinct, 4 sum, 5 average, 6 minimum,
 * 7 maximum).
 */
final class AggregateConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("Aggregate");
    List<SsisComponent.Port> outputs = c.dataOutputs();
    if (outputs.size() != 1) {
      throw new FlowContext.NotConvertible(
          "it has " + outputs.size() + " outputs (aggregations); Sluice's Aggregate gives one",
          "use one Aggregate per aggregation after a Multicast");
    }
    List<String> groupBy = new ArrayList<>();
    List<Map<String, Object>> aggregates = new ArrayList<>();
    for (Element o : outputs.get(0).columns()) {
      Map<String, String> p = SsisComponent.properties(o);
      String type = p.getOrDefault("AggregationType", "").trim();
      String source = p.getOrDefault("AggregationColumnId", "").trim();
      String input = source.isEmpty() ? null : f.columnReference(source);
      String name = o.getAttribute("name");
      if (type.equals("0")) {
        groupBy.add(input);
        if (!input.equalsIgnoreCase(name)) {
          f.rename(o.getAttribute("lineageId"), input);
        }
        continue;
      }
      String operation =
          switch (type) {
            case "1", "2" -> "count";
            case "3" -> "countDistinct";
            case "4" -> "sum";
            case "5" -> "avg";
            case "6" -> "min";
            case "7" -> "max";
            default ->
                throw new FlowContext.NotConvertible(
                    "its column " + name + " has aggregation type " + type + ", unknown here");
          };
      Map<String, Object> agg = new LinkedHashMap<>();
      agg.put("operation", operation);
      if (!type.equals("2") && input != null) {
        agg.put("input", input);
      }
      agg.put("output", name);
      aggregates.add(agg);
    }
    if (!groupBy.isEmpty()) {
      out.put("groupBy", groupBy);
    }
    if (!aggregates.isEmpty()) {
      out.put("aggregates", aggregates);
    }
    out.notes.add(
        "Sluice's result types: sums of integers are DT_I8, averages DT_R8 (numeric for"
            + " decimals), counts DT_I8 where SSIS gives DT_UI8");
    return out;
  }
}
