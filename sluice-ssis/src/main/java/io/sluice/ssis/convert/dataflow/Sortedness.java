package io.sluice.ssis.convert.dataflow;

import io.sluice.ssis.xml.Dts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * SSIS's IsSorted and SortKeyPosition of an output: which columns it says it is ordered by, first
 * key first ({@code name} or {@code name desc}).
 */
final class Sortedness {

  private Sortedness() {}

  static Optional<List<String>> of(SsisComponent.Port output, FlowContext f) {
    if (!Dts.isTrue(output.attr("isSorted"))) {
      return Optional.empty(); // SortKeyPosition means nothing unless the output says IsSorted
    }
    List<Element> keyed = new ArrayList<>();
    for (Element col : output.columns()) {
      if (position(col) != 0) {
        keyed.add(col);
      }
    }
    if (keyed.isEmpty()) {
      return Optional.empty();
    }
    keyed.sort(Comparator.comparingInt(col -> Math.abs(position(col))));
    List<String> keys = new ArrayList<>();
    for (Element col : keyed) {
      String name = f.column(col.getAttribute("lineageId"));
      keys.add(position(col) < 0 ? name + " desc" : name);
    }
    return Optional.of(keys);
  }

  static int position(Element column) {
    String p = column.getAttribute("sortKeyPosition").trim();
    try {
      return p.isEmpty() ? 0 : Integer.parseInt(p);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
