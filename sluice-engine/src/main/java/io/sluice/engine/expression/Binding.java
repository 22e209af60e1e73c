package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;

/**
 * What a scope resolves a name to: its data type, and the slot where an {@link EvaluationContext}
 * supplies its current value. Slots are bound once at compile time, so evaluation never looks a
 * name up.
 */
public record Binding(int slot, DataType type) {

  public Binding {
    if (slot < 0) {
      throw new IllegalArgumentException("slot must not be negative");
    }
    if (type == null) {
      throw new IllegalArgumentException("a binding needs a data type");
    }
  }
}
