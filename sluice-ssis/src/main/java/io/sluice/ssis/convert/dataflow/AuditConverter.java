package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Audit to {@code Audit}: each audit column keeps its name and its item (LineageItemSelected: 0
 * ExecutionInstanceGUID, 1 PackageID, 2 PackageName, 3 VersionID, 4 ExecutionStartTime, 5
 * MachineName, 6 UserName, 7 TaskName, 8 TaskID), which the engine reads from the run's System
 * variables, and its SSIS type. Sluice has no package, version or task GUIDs: those columns are
 * NULL, said in a note.
 */
final class AuditConverter implements ComponentConverter {

  private static final Map<String, String> ITEMS =
      Map.of(
          "0", "ExecutionInstanceGUID",
          "1", "PackageID",
          "2", "PackageName",
          "3", "VersionID",
          "4", "ExecutionStartTime",
          "5", "MachineName",
          "6", "UserName",
          "7", "TaskName",
          "8", "TaskID");

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("Audit");
    List<Map<String, Object>> columns = new ArrayList<>();
    for (Element o : c.dataOutputs().get(0).columns()) {
      String number = SsisComponent.properties(o).getOrDefault("LineageItemSelected", "").trim();
      String item = ITEMS.get(number);
      if (item == null) {
        throw new FlowContext.NotConvertible(
            "its column " + o.getAttribute("name") + " audits item " + number + ", unknown here");
      }
      if (item.endsWith("ID")) {
        out.notes.add(
            "its column "
                + o.getAttribute("name")
                + " audits the "
                + item
                + ", which Sluice has not: the column is NULL");
      }
      Map<String, Object> col = new LinkedHashMap<>();
      col.put("name", o.getAttribute("name"));
      col.put("item", item);
      PipelineTypes.of(o).ifPresent(type -> col.put("type", type));
      columns.add(col);
    }
    if (columns.isEmpty()) {
      throw new FlowContext.NotConvertible("it adds no column");
    }
    out.put("columns", columns);
    return out;
  }
}
