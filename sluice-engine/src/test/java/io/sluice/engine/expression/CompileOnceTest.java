package io.sluice.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.type.DataType;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Sanity check, not a benchmark: a million rows are evaluated through slots bound once at compile
 * time. Names are resolved only while compiling, and each row reads exactly its two slots.
 */
class CompileOnceTest {

  @Test
  void aMillionRowsWithoutResolvingNamesAgain() {
    AtomicInteger resolutions = new AtomicInteger();
    ExpressionScope scope =
        reference -> {
          resolutions.incrementAndGet();
          return switch (reference.name()) {
            case "Quantity" -> Optional.of(new Binding(0, DataType.I4));
            case "Name" -> Optional.of(new Binding(1, DataType.wstr(20)));
            default -> Optional.empty();
          };
        };
    Expression expression =
        Expression.compile("Quantity % 2 == 0 ? UPPER(Name) : LOWER(Name) + \"!\"", scope);
    int resolvedAtCompile = resolutions.get();

    AtomicInteger reads = new AtomicInteger();
    Object[] row = new Object[2];
    EvaluationContext context =
        slot -> {
          reads.incrementAndGet();
          return row[slot];
        };
    int upper = 0;
    for (int i = 0; i < 1_000_000; i++) {
      row[0] = i;
      row[1] = "Row";
      if ("ROW".equals(expression.evaluate(context))) {
        upper++;
      }
    }

    assertThat(resolvedAtCompile).isEqualTo(3);
    assertThat(resolutions.get()).isEqualTo(resolvedAtCompile);
    assertThat(upper).isEqualTo(500_000);
    assertThat(reads.get()).isEqualTo(2_000_000);
  }
}
