package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** Recordset Destination to {@code RecordsetDestination}: the Object variable and the columns. */
final class RecordsetDestinationConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    String variable = c.property("VariableName", "").trim();
    if (variable.isEmpty()) {
      throw new FlowContext.NotConvertible("it names no variable");
    }
    List<String> columns = new ArrayList<>();
    for (Element in : c.inputs.get(0).columns()) {
      columns.add(f.inputColumn(in));
    }
    Converted out =
        new Converted("RecordsetDestination")
            .put("variable", f.variable(variable, true, "the variable it fills"));
    if (!columns.isEmpty()) {
      out.put("columns", columns);
    }
    return out;
  }
}
