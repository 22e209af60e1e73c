package io.sluice.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.type.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * Arithmetic with one constant operand remembers recent results ({@link DecimalMemo}); whatever the
 * memo does, every row must get the result of its own value, repeated or not.
 */
class ConstantOperandMemoTest {

  private final SlotScope scope =
      SlotScope.builder().column("discount", DataType.numeric(15, 2)).build();

  @Test
  void repeatedValuesGetTheirOwnResults() {
    Expression e = Expression.compile("1 - discount", scope);
    SlotValues row = scope.newValues(Eval.CLOCK);
    for (int i = 0; i < 50_000; i++) {
      // 0.00 .. 0.10 in a scrambled order, each value a new object with equal ones repeating
      BigDecimal discount = BigDecimal.valueOf((i * 7L) % 11, 2);
      assertThat(e.evaluate(row.set(0, discount))).isEqualTo(BigDecimal.ONE.subtract(discount));
    }
  }

  @Test
  void uniqueValuesStillGetTheirOwnResultsAfterTheMemoGivesUp() {
    Expression e = Expression.compile("discount * 3", scope);
    SlotValues row = scope.newValues(Eval.CLOCK);
    for (int i = 0; i < 50_000; i++) {
      BigDecimal discount = BigDecimal.valueOf(i, 2);
      BigDecimal expected = discount.multiply(BigDecimal.valueOf(3));
      BigDecimal actual = (BigDecimal) e.evaluate(row.set(0, discount));
      assertThat(actual.compareTo(expected)).as("row %d", i).isZero();
    }
  }

  @Test
  void theConstantMayBeOnEitherSideAndTheSameObjectMayComeAgain() {
    Expression e = Expression.compile("discount / 4", scope);
    SlotValues row = scope.newValues(Eval.CLOCK);
    BigDecimal[] values = {new BigDecimal("0.10"), new BigDecimal("0.06"), new BigDecimal("-2.00")};
    for (int i = 0; i < 30; i++) {
      BigDecimal v = values[i % values.length];
      BigDecimal expected = v.divide(BigDecimal.valueOf(4), 6, RoundingMode.HALF_UP);
      assertThat(((BigDecimal) e.evaluate(row.set(0, v))).compareTo(expected)).isZero();
    }
  }
}
