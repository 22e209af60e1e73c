package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/** Sort to {@code Sort}: the keys in order with their direction, and duplicate removal. */
final class SortConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("Sort");
    List<Element> keyed = new ArrayList<>();
    for (Element in : c.inputs.get(0).columns()) {
      Map<String, String> p = SsisComponent.properties(in);
      if (position(p) != 0) {
        keyed.add(in);
      }
      if (!"0".equals(p.getOrDefault("NewComparisonFlags", "0").trim())) {
        out.unhonoured.put(
            "NewComparisonFlags[" + f.inputColumn(in) + "]",
            "Sluice compares strings by code point; the column's comparison flags (ignore case,"
                + " ...) are not applied");
      }
    }
    if (keyed.isEmpty()) {
      throw new FlowContext.NotConvertible("it sorts by no column");
    }
    keyed.sort(Comparator.comparingInt(e -> Math.abs(position(SsisComponent.properties(e)))));
    List<String> keys = new ArrayList<>();
    for (Element in : keyed) {
      int pos = position(SsisComponent.properties(in));
      keys.add(f.inputColumn(in) + (pos < 0 ? " desc" : ""));
    }
    out.put("keys", keys);
    if (Boolean.parseBoolean(c.property("EliminateDuplicates", "false").trim())) {
      out.put("removeDuplicates", true);
    }
    return out;
  }

  private static int position(Map<String, String> p) {
    try {
      return Integer.parseInt(p.getOrDefault("NewSortKeyPosition", "0").trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
