package io.sluice.engine.expression;

import java.time.Clock;

/** Current values for the slots of a {@link SlotScope}: an array indexed by slot. */
public final class SlotValues implements EvaluationContext {

  private final SlotScope scope;
  private final Object[] values;
  private final Clock clock;

  SlotValues(SlotScope scope, Clock clock) {
    this.scope = scope;
    this.values = new Object[scope.size()];
    this.clock = clock;
  }

  /** Sets the value of a declared name; null is SSIS NULL. */
  public SlotValues set(Reference reference, Object value) {
    values[scope.slotOf(reference)] = value;
    return this;
  }

  /** Sets a value by slot, the cheap way for per-row updates. */
  public SlotValues set(int slot, Object value) {
    values[slot] = value;
    return this;
  }

  @Override
  public Object value(int slot) {
    return values[slot];
  }

  @Override
  public Clock clock() {
    return clock;
  }
}
