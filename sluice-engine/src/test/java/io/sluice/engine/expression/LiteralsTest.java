package io.sluice.engine.expression;

import static io.sluice.engine.expression.Eval.compileError;
import static io.sluice.engine.expression.Eval.eval;
import static io.sluice.engine.expression.Eval.typeOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.type.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class LiteralsTest {

  @Test
  void integersAreI4AndWidenToI8WhenTooLarge() {
    assertThat(typeOf("457")).isEqualTo(DataType.I4);
    assertThat(eval("457")).isEqualTo(457);
    assertThat(typeOf("2147483647")).isEqualTo(DataType.I4);
    assertThat(typeOf("2147483648")).isEqualTo(DataType.I8);
    assertThat(eval("2147483648")).isEqualTo(2147483648L);
  }

  @Test
  void integerSuffixesFollowSsis() {
    assertThat(typeOf("986L")).isEqualTo(DataType.I8);
    assertThat(eval("986L")).isEqualTo(986L);
    assertThat(typeOf("785u")).isEqualTo(DataType.UI4);
    assertThat(eval("785u")).isEqualTo(785L);
    assertThat(typeOf("7945ul")).isEqualTo(DataType.UI8);
    assertThat(eval("7945ul")).isEqualTo(BigInteger.valueOf(7945));
    assertThat(typeOf("7945LU")).isEqualTo(DataType.UI8);
  }

  @Test
  void hexadecimalIntegers() {
    assertThat(eval("0xFF0A")).isEqualTo(0xFF0A);
    assertThat(typeOf("0X000010000U")).isEqualTo(DataType.UI4);
  }

  @Test
  void integerTooLargeForEveryTypeIsACompileError() {
    compileError("1 + 99999999999999999999")
        .hasMessageContaining("The literal \"99999999999999999999\" is too large")
        .hasMessageContaining("at position 5 in: 1 + 99999999999999999999");
  }

  @Test
  void decimalsAreNumericWithTheirWrittenPrecisionAndScale() {
    assertThat(typeOf("5.8")).isEqualTo(DataType.numeric(2, 1));
    assertThat(eval("5.8")).isEqualTo(new BigDecimal("5.8"));
    assertThat(typeOf(".9")).isEqualTo(DataType.numeric(1, 1));
    assertThat(typeOf("0.346")).isEqualTo(DataType.numeric(3, 3));
    assertThat(typeOf("6.")).isEqualTo(DataType.numeric(1, 0));
    assertThat(typeOf("137.1574")).isEqualTo(DataType.numeric(7, 4));
  }

  @Test
  void realsWithExponentOrSuffix() {
    assertThat(typeOf("4E8l")).isEqualTo(DataType.R8);
    assertThat(eval("4E8l")).isEqualTo(4e8);
    assertThat(typeOf("13e-2f")).isEqualTo(DataType.R4);
    assertThat(eval("13e-2f")).isEqualTo(0.13f);
    assertThat(eval("6.45E3f")).isEqualTo(6450f);
    assertThat(eval(".89E-2l")).isEqualTo(0.0089);
    assertThat(eval("1.E-4f")).isEqualTo(1e-4f);
    assertThat(typeOf("1.5E2")).isEqualTo(DataType.R8);
  }

  @Test
  void stringsAreWstrWithEscapes() {
    assertThat(typeOf("\"Cat\"")).isEqualTo(DataType.wstr(3));
    assertThat(eval("\"a\\tb\\nc\\\"d\\\\e\"")).isEqualTo("a\tb\nc\"d\\e");
    assertThat(eval("\"\\x0041\\x00e9\"")).isEqualTo("Aé");
    assertThat(eval("\"\\a\\b\\f\\r\\v\"")).isEqualTo("\u0007\b\f\r\u000B");
  }

  @Test
  void illegalEscapesAreReportedAtTheBackslash() {
    compileError("\"ab\\qc\"")
        .hasMessageContaining("illegal escape sequence of \"\\q\"")
        .hasMessageContaining("at position 4");
    compileError("\"\\x12\"").hasMessageContaining("illegal hexadecimal escape sequence");
  }

  @Test
  void booleansInAnyCase() {
    assertThat(eval("TRUE")).isEqualTo(true);
    assertThat(eval("false")).isEqualTo(false);
    assertThat(eval("True")).isEqualTo(true);
    assertThat(typeOf("FALSE")).isEqualTo(DataType.BOOL);
  }
}
