package io.sluice.engine.type;

import io.sluice.engine.type.DataType.Kind;
import java.math.BigInteger;
import java.util.function.Supplier;

/** Range checks and boxing for the SSIS integer kinds. */
public final class Integers {

  private static final BigInteger UI8_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private Integers() {}

  /** Smallest value of an integer kind. */
  public static long min(Kind kind) {
    return switch (kind) {
      case DT_I1 -> Byte.MIN_VALUE;
      case DT_I2 -> Short.MIN_VALUE;
      case DT_I4 -> Integer.MIN_VALUE;
      case DT_I8 -> Long.MIN_VALUE;
      default -> 0;
    };
  }

  /** Largest value of an integer kind other than DT_UI8 (which does not fit a long). */
  public static long max(Kind kind) {
    return switch (kind) {
      case DT_I1 -> Byte.MAX_VALUE;
      case DT_I2 -> Short.MAX_VALUE;
      case DT_I4 -> Integer.MAX_VALUE;
      case DT_I8 -> Long.MAX_VALUE;
      case DT_UI1 -> 0xFFL;
      case DT_UI2 -> 0xFFFFL;
      case DT_UI4 -> 0xFFFF_FFFFL;
      default -> throw new IllegalArgumentException(kind + " has no long maximum");
    };
  }

  /**
   * Boxes a long into the Java class of an integer kind.
   *
   * @param overflow the exception to throw when the value is out of the kind's range
   */
  public static Object box(Kind kind, long value, Supplier<? extends RuntimeException> overflow) {
    if (kind == Kind.DT_UI8) {
      if (value < 0) {
        throw overflow.get();
      }
      return BigInteger.valueOf(value);
    }
    if (value < min(kind) || value > max(kind)) {
      throw overflow.get();
    }
    return switch (kind) {
      case DT_I1 -> (byte) value;
      case DT_I2, DT_UI1 -> (short) value;
      case DT_I4, DT_UI2 -> (int) value;
      default -> value;
    };
  }

  /** Boxes a big integer into the Java class of an integer kind, checking its range. */
  public static Object box(
      Kind kind, BigInteger value, Supplier<? extends RuntimeException> overflow) {
    if (kind == Kind.DT_UI8) {
      if (value.signum() < 0 || value.compareTo(UI8_MAX) > 0) {
        throw overflow.get();
      }
      return value;
    }
    if (value.bitLength() > 63) {
      throw overflow.get();
    }
    return box(kind, value.longValueExact(), overflow);
  }

  /** Any integer-kind value as a BigInteger. */
  public static BigInteger toBigInteger(Object value) {
    return value instanceof BigInteger b ? b : BigInteger.valueOf(((Number) value).longValue());
  }
}
