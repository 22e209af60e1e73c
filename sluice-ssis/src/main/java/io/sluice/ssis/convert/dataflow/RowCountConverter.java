package io.sluice.ssis.convert.dataflow;

/** Row Count to {@code RowCount}: the variable it writes. */
final class RowCountConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    String variable = c.property("VariableName", "").trim();
    if (variable.isEmpty()) {
      throw new FlowContext.NotConvertible("it names no variable");
    }
    return new Converted("RowCount")
        .put("variable", f.variable(variable, true, "the variable it counts into"));
  }
}
