package io.sluice.ssis.convert.dataflow;

/** Multicast to {@code Multicast}: every output keeps its SSIS name. */
final class MulticastConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted out = new Converted("Multicast");
    for (SsisComponent.Port o : c.dataOutputs()) {
      out.outputs.put(o.refId(), o.name());
    }
    return out;
  }
}
