package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;
import io.sluice.engine.type.DataType.Kind;
import java.util.Optional;

/**
 * SSIS implicit conversion rules: which type two operands meet in, and the result types of
 * arithmetic on exact decimals.
 */
final class TypeRules {

  private TypeRules() {}

  /**
   * The type two numeric operands are converted to before a binary operation, following the SSIS
   * implicit conversion table; empty when SSIS demands an explicit cast (DT_UI8 with a signed
   * integer).
   */
  static Optional<DataType> commonNumeric(DataType a, DataType b) {
    Kind x = a.kind();
    Kind y = b.kind();
    if (x == y && x != Kind.DT_NUMERIC && x != Kind.DT_DECIMAL) {
      return Optional.of(a);
    }
    if (x == Kind.DT_R8 || y == Kind.DT_R8) {
      return Optional.of(DataType.R8);
    }
    if (x == Kind.DT_R4 || y == Kind.DT_R4) {
      // A float keeps 7 digits: only the small integers fit in it without loss.
      Kind other = x == Kind.DT_R4 ? y : x;
      boolean small = other == Kind.DT_R4 || (other.isInteger() && other.integerBytes() <= 2);
      return Optional.of(small ? DataType.R4 : DataType.R8);
    }
    if (x == Kind.DT_NUMERIC
        || y == Kind.DT_NUMERIC
        || x == Kind.DT_DECIMAL
        || y == Kind.DT_DECIMAL) {
      return Optional.of(numericCovering(a, b));
    }
    if (x == Kind.DT_CY || y == Kind.DT_CY) {
      return Optional.of(DataType.CY);
    }
    return commonInteger(x, y).map(DataType::of);
  }

  private static Optional<Kind> commonInteger(Kind x, Kind y) {
    if (x.isSignedInteger() == y.isSignedInteger()) {
      return Optional.of(x.integerBytes() >= y.integerBytes() ? x : y);
    }
    Kind signed = x.isSignedInteger() ? x : y;
    Kind unsigned = x.isSignedInteger() ? y : x;
    if (unsigned == Kind.DT_UI8) {
      return Optional.empty();
    }
    // The signed result must hold every unsigned value: twice the unsigned width.
    int bytes = Math.max(signed.integerBytes(), unsigned.integerBytes() * 2);
    return Optional.of(
        switch (bytes) {
          case 1 -> Kind.DT_I1;
          case 2 -> Kind.DT_I2;
          case 4 -> Kind.DT_I4;
          default -> Kind.DT_I8;
        });
  }

  /** A DT_NUMERIC that holds every value of both types. */
  static DataType numericCovering(DataType a, DataType b) {
    int scale = Math.max(scaleOf(a), scaleOf(b));
    int integerDigits = Math.max(precisionOf(a) - scaleOf(a), precisionOf(b) - scaleOf(b));
    return capped(integerDigits + scale, scale);
  }

  /** Result type of an arithmetic operator whose operands meet in an exact decimal type. */
  static DataType exactResult(String operator, DataType a, DataType b) {
    if (a.kind() == Kind.DT_CY && b.kind() == Kind.DT_CY || isCyWithInteger(a, b)) {
      return DataType.CY;
    }
    int p1 = precisionOf(a);
    int s1 = scaleOf(a);
    int p2 = precisionOf(b);
    int s2 = scaleOf(b);
    return switch (operator) {
      case "*" -> capped(p1 + p2 + 1, s1 + s2);
      case "/" -> {
        int scale = Math.max(6, s1 + p2 + 1);
        yield capped(p1 - s1 + s2 + scale, scale);
      }
      default -> {
        int scale = Math.max(s1, s2);
        yield capped(Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
      }
    };
  }

  private static boolean isCyWithInteger(DataType a, DataType b) {
    return a.kind() == Kind.DT_CY && b.kind().isInteger()
        || b.kind() == Kind.DT_CY && a.kind().isInteger();
  }

  /** Keeps a DT_NUMERIC within 38 digits by giving up scale, but never below 6 digits of it. */
  private static DataType capped(int precision, int scale) {
    if (precision > DataType.MAX_NUMERIC_PRECISION) {
      int excess = precision - DataType.MAX_NUMERIC_PRECISION;
      scale = Math.max(scale - excess, Math.min(scale, 6));
      precision = DataType.MAX_NUMERIC_PRECISION;
    }
    return DataType.numeric(Math.max(precision, 1), Math.min(scale, precision));
  }

  static int precisionOf(DataType t) {
    return switch (t.kind()) {
      case DT_I1, DT_UI1 -> 3;
      case DT_I2, DT_UI2 -> 5;
      case DT_I4, DT_UI4 -> 10;
      case DT_I8 -> 19;
      case DT_UI8 -> 20;
      default -> t.precision();
    };
  }

  static int scaleOf(DataType t) {
    return t.kind().isInteger() ? 0 : t.scale();
  }
}
