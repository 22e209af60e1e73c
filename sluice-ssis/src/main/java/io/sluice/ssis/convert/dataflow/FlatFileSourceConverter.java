package io.sluice.ssis.convert.dataflow;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * Flat File Source to {@code FlatFileSource}: the columns are the connection's (named as the file
 * connection names them), with each column's error disposition and the output's sort order.
 */
final class FlatFileSourceConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("FlatFileSource");
    out.put("connection", f.connection(c, "flatFile"));
    String fileNameColumn = c.property("FileNameColumnName", "");
    if (!fileNameColumn.isBlank()) {
      throw new FlowContext.NotConvertible(
          "it adds the file name as column "
              + fileNameColumn
              + ", which Sluice's source cannot yet",
          "set the file name with a Derived Column from the variable that holds it");
    }
    if (Boolean.parseBoolean(c.property("RetainNulls", "false").trim())) {
      out.unhonoured.put(
          "RetainNulls",
          "Sluice keeps this on the connection: set retainNulls: true on the flat file connection");
    }
    SsisComponent.Port output = c.dataOutputs().get(0);
    Map<String, String> external = new HashMap<>();
    for (Element x : output.external()) {
      external.put(x.getAttribute("refId"), x.getAttribute("name"));
      external.put(x.getAttribute("id"), x.getAttribute("name"));
    }
    Map<String, String> dispositions = new LinkedHashMap<>();
    for (Element col : output.columns()) {
      String ext = external.get(col.getAttribute("externalMetadataColumnId"));
      String name = ext == null || ext.isEmpty() ? col.getAttribute("name") : ext;
      f.rename(col.getAttribute("lineageId"), name);
      String onError = FlowContext.onError(col.getAttribute("errorRowDisposition"));
      String onTruncation = FlowContext.onError(col.getAttribute("truncationRowDisposition"));
      if (!Objects.equals(onError, onTruncation)) {
        out.notes.add(
            "column "
                + name
                + " treats conversion errors and truncations differently; Sluice applies "
                + (onError == null ? "fail" : onError)
                + " to both");
      }
      dispositions.put(name, onError == null ? "fail" : onError);
    }
    long distinct = dispositions.values().stream().distinct().count();
    if (distinct == 1 && !dispositions.containsValue("fail")) {
      out.put("onError", dispositions.values().iterator().next());
    } else if (distinct > 1) {
      Map<String, Object> columnErrors = new LinkedHashMap<>();
      dispositions.forEach(
          (name, how) -> {
            if (!how.equals("fail")) {
              columnErrors.put(name, how);
            }
          });
      out.put("columnErrors", columnErrors);
    }
    Sortedness.of(output, f).ifPresent(keys -> out.put("sortedBy", keys));
    c.errorOutput()
        .ifPresent(
            error -> {
              for (Element col : error.columns()) {
                if ("text".equalsIgnoreCase(col.getAttribute("dataType"))
                    || "ntext".equalsIgnoreCase(col.getAttribute("dataType"))) {
                  f.unavailable(
                      col.getAttribute("lineageId"),
                      "the raw line of "
                          + c.name
                          + "'s error output ("
                          + col.getAttribute("name")
                          + "); Sluice's error output carries the typed columns, NULL where a"
                          + " value failed");
                }
              }
            });
    return out;
  }
}
