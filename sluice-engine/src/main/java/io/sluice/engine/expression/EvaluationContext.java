package io.sluice.engine.expression;

import java.time.Clock;

/**
 * Supplies the current values of the slots an expression was bound to, e.g. one data-flow row.
 * Values are null (SSIS NULL) or instances of their type's {@code DataType#javaType()}.
 */
public interface EvaluationContext {

  /** The current value of a slot handed out by the {@link ExpressionScope}. */
  Object value(int slot);

  /** The clock GETDATE() and GETUTCDATE() read; injectable so tests and replays are stable. */
  default Clock clock() {
    return Clock.systemDefaultZone();
  }

  /** A context without slots, for expressions that reference no names. */
  static EvaluationContext withClock(Clock clock) {
    return new EvaluationContext() {
      @Override
      public Object value(int slot) {
        throw new IndexOutOfBoundsException("this context has no slot " + slot);
      }

      @Override
      public Clock clock() {
        return clock;
      }
    };
  }
}
