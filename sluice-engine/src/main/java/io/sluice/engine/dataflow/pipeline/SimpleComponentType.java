package io.sluice.engine.dataflow.pipeline;

/** Base for component types with a fixed number of inputs. */
public abstract class SimpleComponentType implements ComponentType {

  private final String name;
  private final int inputs;

  protected SimpleComponentType(String name, int inputs) {
    this.name = name;
    this.inputs = inputs;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int minInputs() {
    return inputs;
  }

  @Override
  public int maxInputs() {
    return inputs;
  }
}
