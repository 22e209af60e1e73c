package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Audit to {@code DerivedColumn}: each audit column is a System variable (LineageItemSelected: 0
 * ExecutionInstanceGUID, 1 PackageID, 2 PackageName, 3 VersionID, 4 ExecutionStartTime, 5
 * MachineName, 6 UserName, 7 TaskName, 8 TaskId), which Sluice's expressions read as SSIS's do.
 * Sluice has no package or task GUIDs, so an Audit of PackageID, VersionID or TaskId is not
 * converted.
 */
final class AuditConverter implements ComponentConverter {

  private static final Map<String, String> VARIABLES =
      Map.of(
          "0", "ExecutionInstanceGUID",
          "1", "PackageID",
          "2", "PackageName",
          "3", "VersionID",
          "4", "StartTime",
          "5", "MachineName",
          "6", "UserName",
          "7", "TaskName",
          "8", "TaskID");

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("DerivedColumn");
    List<Map<String, Object>> columns = new ArrayList<>();
    for (Element o : c.dataOutputs().get(0).columns()) {
      String item = SsisComponent.properties(o).getOrDefault("LineageItemSelected", "").trim();
      String variable = VARIABLES.get(item);
      if (variable == null) {
        throw new FlowContext.NotConvertible(
            "its column " + o.getAttribute("name") + " audits item " + item + ", unknown here");
      }
      String reference =
          f.variable("System::" + variable, false, "its column " + o.getAttribute("name"));
      Map<String, Object> col = new LinkedHashMap<>();
      col.put("name", o.getAttribute("name"));
      col.put("expression", "@[" + reference + "]");
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
