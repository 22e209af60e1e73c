package io.sluice.ssis.convert.dataflow;

import io.sluice.ssis.convert.dataflow.ComponentKinds.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * OLE DB, ADO.NET and ODBC sources to {@code JdbcSource}: a table or view by name, an SQL command,
 * or the SQL a variable holds, with {@code ?} parameters bound to variables. The output columns are
 * named as the query names them (SSIS may rename them in the source; the flow here follows the
 * data's names).
 */
final class JdbcSourceConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("JdbcSource");
    String connection = f.connection(c, "jdbc");
    out.put("connection", connection);
    String mode = c.property("AccessMode", "0").trim();
    String sql;
    String table;
    if (c.kind == Kind.OLEDB_SOURCE) {
      switch (mode) {
        case "0" -> {
          table = c.property("OpenRowset", "");
          sql = null;
        }
        case "2" -> {
          table = null;
          sql = c.property("SqlCommand", "");
        }
        case "1" ->
            throw new FlowContext.NotConvertible(
                "it reads the table named by variable " + c.property("OpenRowsetVariable"),
                "name the table in the source (or write the SQL) and import again");
        case "3" -> {
          String variable = c.property("SqlCommandVariable", "").trim();
          out.put("queryVariable", f.variable(variable, false, "the variable that holds its SQL"));
          out.notes.add(
              "its SQL is the value of "
                  + variable
                  + " when the flow starts; it is not checked here (the T-SQL check sees SQL"
                  + " written in the package only)");
          table = null;
          sql = null;
        }
        default ->
            throw new FlowContext.NotConvertible(
                "its access mode " + mode + " is not one this importer knows");
      }
    } else if (c.kind == Kind.ODBC_SOURCE) {
      table = mode.equals("0") ? c.property("TableName", "") : null;
      sql = mode.equals("0") ? null : c.property("SqlCommand", "");
    } else {
      table = mode.equals("0") ? c.property("TableOrViewName", "") : null;
      sql = mode.equals("0") ? null : c.property("SqlCommand", "");
    }
    if (out.settings.containsKey("queryVariable")) {
      List<String> parameters = parameters(c, f);
      if (!parameters.isEmpty()) {
        out.put("parameters", parameters);
      }
    } else if (sql != null) {
      if (sql.isBlank()) {
        throw new FlowContext.NotConvertible("its SQL command is empty");
      }
      out.put("query", SqlText.kept(sql, c, f, connection));
      List<String> parameters = parameters(c, f);
      if (!parameters.isEmpty()) {
        out.put("parameters", parameters);
      }
    } else {
      if (table == null || table.isBlank()) {
        throw new FlowContext.NotConvertible("it names no table");
      }
      out.put("table", FlowContext.table(table));
    }
    SsisComponent.Port output = c.dataOutputs().get(0);
    Map<String, String> external = new HashMap<>();
    for (Element x : output.external()) {
      external.put(x.getAttribute("refId"), x.getAttribute("name"));
      external.put(x.getAttribute("id"), x.getAttribute("name"));
    }
    for (Element col : output.columns()) {
      String ext = external.get(col.getAttribute("externalMetadataColumnId"));
      if (ext != null && !ext.isEmpty()) {
        f.rename(col.getAttribute("lineageId"), ext);
      }
    }
    String timeout = c.property("CommandTimeout", "0").trim();
    if (!timeout.equals("0") && !timeout.isEmpty()) {
      out.unhonoured.put(
          "CommandTimeout", "Sluice's JdbcSource has no command timeout (SSIS: " + timeout + " s)");
    }
    Sortedness.of(output, f).ifPresent(keys -> out.put("sortedBy", keys));
    return out;
  }

  /**
   * {@code ParameterMapping}: {@code "Parameter0:Input",{DTSID};...} (format 8 may name them {@code
   * "@p:Input"}), bound in the order written.
   */
  private static List<String> parameters(SsisComponent c, FlowContext f) {
    List<String> out = new ArrayList<>();
    String mapping = c.property("ParameterMapping", "").trim();
    if (mapping.isEmpty()) {
      return out;
    }
    for (String entry : mapping.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int comma = entry.lastIndexOf(',');
      if (comma < 0) {
        throw new FlowContext.NotConvertible("its parameter mapping " + entry + " is not readable");
      }
      String head = entry.substring(0, comma).replace("\"", "").trim();
      if (!head.endsWith(":Input")) {
        throw new FlowContext.NotConvertible(
            "its parameter " + head + " is an output parameter, which Sluice's source cannot bind");
      }
      String id = entry.substring(comma + 1).trim();
      String variable = f.variableById(id);
      if (variable == null) {
        throw new FlowContext.NotConvertible(
            "its parameter " + head + " is bound to " + id + ", no variable of this package");
      }
      out.add("@[" + f.variable(variable, false, "its parameter " + head) + "]");
    }
    return out;
  }
}
