package io.sluice.ssis.convert.dataflow;

/** Merge to {@code Merge}: two sorted inputs, columns matched by name as in Union All. */
final class MergeConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    Converted union = new UnionAllConverter().convert(c, f);
    Converted out = new Converted("Merge");
    out.inputRenames.putAll(union.inputRenames);
    return out;
  }
}
