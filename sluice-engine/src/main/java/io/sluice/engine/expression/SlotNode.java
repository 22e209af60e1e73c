package io.sluice.engine.expression;

/** A variable, parameter or column: reads the slot the scope bound it to. */
final class SlotNode extends Node {

  private final int slot;
  private final Reference reference;
  private final Class<?> javaType;

  SlotNode(Reference reference, Binding binding, int position) {
    super(binding.type(), position);
    this.slot = binding.slot();
    this.reference = reference;
    this.javaType = type.javaType();
  }

  @Override
  Object evaluate(EvaluationContext context) {
    Object value = context.value(slot);
    if (value != null && value.getClass() != javaType) {
      // Fail loudly here rather than with a ClassCastException deep inside an operator.
      throw new EvaluationFailure(
          "The value of "
              + reference
              + " is a "
              + value.getClass().getSimpleName()
              + " but its data type "
              + type.name()
              + " is carried as "
              + type.javaType().getSimpleName(),
          reference.toString(),
          position);
    }
    return value;
  }
}
