package io.sluice.engine.expression;

import static io.sluice.engine.expression.Eval.compileError;
import static io.sluice.engine.expression.Eval.eval;
import static io.sluice.engine.expression.Eval.evalError;
import static io.sluice.engine.expression.Eval.typeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sluice.engine.type.DataType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Examples from Microsoft's "(SSIS Expression)" function pages, plus NULL and error cases. */
class MathFunctionsTest {

  @Test
  void abs() {
    assertThat(eval("ABS(-1.23)")).isEqualTo(new BigDecimal("1.23"));
    assertThat(eval("ABS(1.23)")).isEqualTo(new BigDecimal("1.23"));
    assertThat(eval("ABS(-5)")).isEqualTo(5);
    assertThat(typeOf("ABS((DT_I2)-5)")).isEqualTo(DataType.I2);
    assertThat(eval("ABS(NULL(DT_I4))")).isNull();
    evalError("ABS((DT_I4)(-2147483647 - 1))")
        .hasMessageContaining("The result of the function call \"ABS\" is too large")
        .hasMessageContaining("function \"ABS\" at position 1");
    compileError("ABS(\"1\")")
        .hasMessageContaining(
            "The function \"ABS\" does not support the data type \"DT_WSTR\" for parameter number 1")
        .hasMessageContaining("at position 5");
  }

  @Test
  void ceilingAndFloorKeepTheTypeAndScale() {
    assertThat(eval("CEILING(123.74)")).isEqualTo(new BigDecimal("124.00"));
    assertThat(eval("CEILING(-124.27)")).isEqualTo(new BigDecimal("-124.00"));
    assertThat(eval("CEILING(0.00)")).isEqualTo(new BigDecimal("0.00"));
    assertThat(eval("FLOOR(123.74)")).isEqualTo(new BigDecimal("123.00"));
    assertThat(eval("FLOOR(-124.27)")).isEqualTo(new BigDecimal("-125.00"));
    assertThat(eval("FLOOR(2.5E0)")).isEqualTo(2.0);
    assertThat(eval("CEILING(7)")).isEqualTo(7);
    assertThat(eval("FLOOR(NULL(DT_R8))")).isNull();
  }

  @Test
  void round() {
    assertThat(eval("ROUND(137.1574,3)")).isEqualTo(new BigDecimal("137.1570"));
    assertThat(eval("ROUND(137.1575,3)")).isEqualTo(new BigDecimal("137.1580"));
    assertThat(eval("ROUND(2.345E0, 2)")).isEqualTo(2.35);
    assertThat(eval("ROUND(NULL(DT_R8), 2)")).isNull();
    evalError("ROUND(1.5, -1)")
        .hasMessageContaining("The length -1 is not valid for function \"ROUND\"");
  }

  @Test
  void sign() {
    assertThat(eval("SIGN(-123.45)")).isEqualTo(-1);
    assertThat(eval("SIGN(0)")).isEqualTo(0);
    assertThat(eval("SIGN(7.5E0)")).isEqualTo(1);
    assertThat(typeOf("SIGN(7L)")).isEqualTo(DataType.I4);
  }

  @Test
  void expLnLog() {
    assertThat((Double) eval("EXP(0)")).isEqualTo(1.0);
    assertThat((Double) eval("LN(EXP(2))")).isCloseTo(2.0, within(1e-12));
    assertThat((Double) eval("LOG(97.34)")).isCloseTo(1.988291341907488, within(1e-12));
    assertThat((Double) eval("LOG(101.24)")).isCloseTo(2.005352136486217, within(1e-12));
    assertThat(eval("LOG(0)")).isNull();
    assertThat(eval("LN(-1)")).isNull();
    assertThat(eval("LOG(NULL(DT_I4))")).isNull();
    assertThat(typeOf("LN(5)")).isEqualTo(DataType.R8);
  }

  @Test
  void power() {
    assertThat(eval("POWER(4,3)")).isEqualTo(64.0);
    assertThat(eval("POWER(9,0.5)")).isEqualTo(3.0);
    assertThat(eval("POWER(-8,0.5)")).isNull();
    evalError("POWER(0,-1)").hasMessageContaining("function \"POWER\"");
  }

  @Test
  void sqrtAndSquare() {
    assertThat(eval("SQRT(144)")).isEqualTo(12.0);
    assertThat(eval("SQRT(SQUARE(3) + SQUARE(4))")).isEqualTo(5.0);
    assertThat(typeOf("SQUARE(3)")).isEqualTo(DataType.R8);
    evalError("SQRT(-4)").hasMessageContaining("SQRT");
    assertThat(eval("SQRT(NULL(DT_R8))")).isNull();
  }

  @Test
  void functionNamesAreCaseInsensitiveAndCountsAreChecked() {
    assertThat(eval("abs(-2)")).isEqualTo(2);
    compileError("ABS(1, 2)")
        .hasMessageContaining("The function \"ABS\" requires 1 parameter, not 2");
    compileError("1 + FOO(2)")
        .hasMessageContaining("The function \"FOO\" was not recognized")
        .hasMessageContaining("at position 5");
  }
}
