package io.sluice.ssis.convert.dataflow;

import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Cache Transform to {@code CacheTransform}: its cache connection and, from each input column's
 * CacheColumnName, the {@code mappings} (cache column: input column) where the names differ.
 */
final class CacheTransformConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("CacheTransform").put("connection", f.connection(c, "cache"));
    Map<String, Object> mappings = new LinkedHashMap<>();
    for (Element in : c.inputs.get(0).columns()) {
      String input = f.inputColumn(in);
      String cacheColumn = SsisComponent.properties(in).get("CacheColumnName");
      if (cacheColumn != null && !cacheColumn.isBlank() && !cacheColumn.trim().equals(input)) {
        mappings.put(cacheColumn.trim(), input);
      }
    }
    if (!mappings.isEmpty()) {
      out.put("mappings", mappings);
    }
    if (Boolean.parseBoolean(c.property("TreatDuplicateKeysAsError", "false").trim())) {
      out.unhonoured.put(
          "TreatDuplicateKeysAsError",
          "Sluice keeps the first row of a repeated key, with a warning, instead of failing");
    }
    return out;
  }
}
