package io.sluice.ssis.convert.dataflow;

import java.util.HashMap;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Flat File Destination to {@code FlatFileDestination}. The engine writes the input columns named
 * like the connection's columns, so an input column mapped to a file column of another name is
 * renamed before the destination.
 */
final class FlatFileDestinationConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("FlatFileDestination");
    out.put("connection", f.connection(c, "flatFile"));
    out.put("overwrite", Boolean.parseBoolean(c.property("Overwrite", "true").trim()));
    String header = c.property("Header", "");
    if (!header.isBlank()) {
      out.unhonoured.put(
          "Header", "the header text written before the rows; Sluice's destination writes none");
    }
    SsisComponent.Port input = c.inputs.get(0);
    Map<String, String> external = new HashMap<>();
    for (Element x : input.external()) {
      external.put(x.getAttribute("refId"), x.getAttribute("name"));
      external.put(x.getAttribute("id"), x.getAttribute("name"));
    }
    Map<String, String> renames = new java.util.LinkedHashMap<>();
    for (Element col : input.columns()) {
      String target = external.get(col.getAttribute("externalMetadataColumnId"));
      String from = f.inputColumn(col);
      if (target != null && !target.isEmpty() && !target.equalsIgnoreCase(from)) {
        renames.put(target, from);
      }
    }
    if (!renames.isEmpty()) {
      out.inputRenames.put(0, renames);
    }
    return out;
  }
}
