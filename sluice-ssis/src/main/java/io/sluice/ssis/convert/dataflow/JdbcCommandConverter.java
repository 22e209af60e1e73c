package io.sluice.ssis.convert.dataflow;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * OLE DB Command to {@code JdbcCommand}: the SQL command (checked for PostgreSQL as a source's is),
 * each {@code ?} bound to the input column mapped to its external column {@code Param_N}, in N's
 * order, the time-out, and the input's error disposition. {@code DefaultCodePage} means nothing to
 * JDBC (Unicode throughout) and is dropped.
 */
final class JdbcCommandConverter implements ComponentConverter {

  private static final Pattern PARAM = Pattern.compile("(?i)@?Param_(\\d+)");

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    String sql = c.property("SqlCommand", "");
    if (sql.isBlank()) {
      throw new FlowContext.NotConvertible("it has no SQL command");
    }
    String connection = f.connection(c, "jdbc");
    Converted out = new Converted("JdbcCommand");
    out.put("connection", connection);
    out.put("statement", SqlText.kept(sql, c, f, connection));
    SsisComponent.Port input = c.inputs.get(0);
    Map<String, String> external = new HashMap<>();
    for (Element x : input.external()) {
      external.put(x.getAttribute("refId"), x.getAttribute("name"));
      external.put(x.getAttribute("id"), x.getAttribute("name"));
    }
    TreeMap<Integer, String> parameters = new TreeMap<>();
    for (Element col : input.columns()) {
      String target = external.get(col.getAttribute("externalMetadataColumnId"));
      Matcher m = target == null ? null : PARAM.matcher(target.trim());
      if (m != null && m.matches()) {
        parameters.put(Integer.parseInt(m.group(1)), f.inputColumn(col));
      }
    }
    // the count of ? against the parameters is the database's to check, when the flow is planned
    for (int i = 0; i <= (parameters.isEmpty() ? -1 : parameters.lastKey()); i++) {
      if (!parameters.containsKey(i)) {
        throw new FlowContext.NotConvertible(
            "its parameter Param_" + i + " is mapped to no input column",
            "map an input column to every parameter and import again");
      }
    }
    out.put("parameters", new java.util.ArrayList<>(parameters.values()));
    String timeout = c.property("CommandTimeout", "0").trim();
    if (timeout.matches("[1-9]\\d*")) {
      out.put("timeout", Long.parseLong(timeout));
    }
    out.putIf("onError", FlowContext.onError(input.attr("errorRowDisposition")));
    out.notes.add(
        "rows are sent in JDBC batches of 1000, each committed (SSIS runs and commits one row at a"
            + " time): set batchSize: 1 for SSIS's behaviour when a refused row must not roll back"
            + " its neighbours");
    return out;
  }
}
