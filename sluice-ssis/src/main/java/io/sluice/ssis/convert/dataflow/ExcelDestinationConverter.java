package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Excel Destination to {@code ExcelDestination}: the OpenRowset's sheet of the Excel connection
 * manager's workbook; each input column goes to the sheet column SSIS mapped it to (renamed before
 * the destination when the names differ, as for a flat file).
 */
final class ExcelDestinationConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("ExcelDestination");
    out.put("connection", f.connection(c, "file"));
    out.put("sheet", sheet(c));
    SsisComponent.Port input = c.inputs.get(0);
    Map<String, String> external = new HashMap<>();
    for (Element x : input.external()) {
      external.put(x.getAttribute("refId"), x.getAttribute("name"));
      external.put(x.getAttribute("id"), x.getAttribute("name"));
    }
    Map<String, String> renames = new LinkedHashMap<>();
    List<String> columns = new ArrayList<>();
    for (Element col : input.columns()) {
      String target = external.get(col.getAttribute("externalMetadataColumnId"));
      String from = f.inputColumn(col);
      String name = target == null || target.isEmpty() ? from : target;
      columns.add(name);
      if (!name.equalsIgnoreCase(from)) {
        renames.put(name, from);
      }
    }
    if (!columns.isEmpty()) {
      out.put("columns", columns);
    }
    if (!renames.isEmpty()) {
      out.inputRenames.put(0, renames);
    }
    return out;
  }

  /** The sheet of an Excel component in access mode "Table or view" (OpenRowset). */
  static String sheet(SsisComponent c) {
    String mode = c.property("AccessMode", "0").trim();
    if (!mode.equals("0")) {
      throw new FlowContext.NotConvertible(
          switch (mode) {
            case "1" -> "it takes its sheet from a variable (AccessMode 1)";
            default -> "it reads through an SQL command (AccessMode " + mode + ")";
          },
          "choose the sheet or range in SSIS (Table or view), or write sheet: by hand");
    }
    String rowset = c.property("OpenRowset", "").trim();
    if (rowset.length() > 1 && rowset.startsWith("'") && rowset.endsWith("'")) {
      rowset = rowset.substring(1, rowset.length() - 1).replace("''", "'");
    }
    if (rowset.startsWith("[") && rowset.endsWith("]")) {
      rowset = rowset.substring(1, rowset.length() - 1);
    }
    if (rowset.isBlank()) {
      throw new FlowContext.NotConvertible("it names no sheet (OpenRowset)");
    }
    return rowset;
  }
}
