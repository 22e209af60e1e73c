package io.sluice.engine.expression;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Reading numeric values of any SSIS numeric kind at run time. */
final class Numbers {

  private Numbers() {}

  /** An integer-kind value as a long (DT_UI8 values above Long.MAX_VALUE wrap; callers guard). */
  static long asLong(Object value) {
    return ((Number) value).longValue();
  }

  static BigDecimal asBigDecimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue());
    }
    return BigDecimal.valueOf(((Number) value).longValue());
  }

  static BigInteger asBigInteger(Object value) {
    return value instanceof BigInteger i ? i : BigInteger.valueOf(((Number) value).longValue());
  }
}
