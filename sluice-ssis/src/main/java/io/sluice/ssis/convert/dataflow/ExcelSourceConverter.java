package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Excel Source to {@code ExcelSource}: the workbook is the Excel connection manager's (imported as
 * a {@code file} connection), the sheet is the OpenRowset, and the columns are declared with the
 * types SSIS fixed at design time (so nothing is guessed again). SQL command access modes have no
 * counterpart: Sluice reads a sheet or a range.
 */
final class ExcelSourceConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("ExcelSource");
    out.put("connection", f.connection(c, "file"));
    out.put("sheet", ExcelDestinationConverter.sheet(c));
    SsisComponent.Port output = c.dataOutputs().get(0);
    Map<String, String> external = new HashMap<>();
    for (Element x : output.external()) {
      external.put(x.getAttribute("refId"), x.getAttribute("name"));
      external.put(x.getAttribute("id"), x.getAttribute("name"));
    }
    List<Map<String, Object>> columns = new ArrayList<>();
    Map<String, Object> columnErrors = new LinkedHashMap<>();
    for (Element col : output.columns()) {
      String ext = external.get(col.getAttribute("externalMetadataColumnId"));
      String name = ext == null || ext.isEmpty() ? col.getAttribute("name") : ext;
      f.rename(col.getAttribute("lineageId"), name);
      Map<String, Object> column = new LinkedHashMap<>();
      column.put("name", name);
      column.put("type", PipelineTypes.required(col, "has type"));
      columns.add(column);
      String onError = FlowContext.onError(col.getAttribute("errorRowDisposition"));
      if (onError != null && !onError.equals("fail")) {
        columnErrors.put(name, onError);
      }
    }
    out.put("columns", columns);
    if (!columnErrors.isEmpty()) {
      out.put("columnErrors", columnErrors);
    }
    return out;
  }
}
