package io.sluice.engine.dataflow.pipeline;

import java.util.List;

/**
 * A component as written: name, type, settings, and the paths into its inputs.
 *
 * @param inputs for each of its inputs, the upstream component and output name (null = the
 *     upstream's first output)
 */
public record ComponentSpec(String name, String type, Settings settings, List<InputRef> inputs) {

  /** A path into an input: the component and output it comes from. */
  public record InputRef(String component, String output) {

    @Override
    public String toString() {
      return output == null ? component : component + " (output " + output + ")";
    }
  }
}
