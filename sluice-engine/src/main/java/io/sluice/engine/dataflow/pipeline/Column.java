package io.sluice.engine.dataflow.pipeline;

import io.sluice.engine.type.DataType;

/** A typed column of a path's rows. */
public record Column(String name, DataType type) {

  @Override
  public String toString() {
    return name + " (" + type + ")";
  }
}
