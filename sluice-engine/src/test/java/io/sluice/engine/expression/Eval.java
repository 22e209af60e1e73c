package io.sluice.engine.expression;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.engine.type.DataType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.assertj.core.api.AbstractThrowableAssert;

/** Shortcuts for tests: compile and evaluate expressions without names. */
final class Eval {

  /** 2024-03-15 10:20:30.123 UTC, seen from UTC+01:00. */
  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-03-15T10:20:30.123456Z"), ZoneId.of("+01:00"));

  private Eval() {}

  static Object eval(String text) {
    return Expression.compile(text, ExpressionScope.empty())
        .evaluate(EvaluationContext.withClock(CLOCK));
  }

  static DataType typeOf(String text) {
    return Expression.compile(text, ExpressionScope.empty()).resultType();
  }

  static AbstractThrowableAssert<?, ?> compileError(String text) {
    return assertThatThrownBy(() -> Expression.compile(text, ExpressionScope.empty()))
        .isInstanceOf(ExpressionException.class);
  }

  static AbstractThrowableAssert<?, ?> evalError(String text) {
    return assertThatThrownBy(() -> eval(text)).isInstanceOf(ExpressionEvaluationException.class);
  }
}
