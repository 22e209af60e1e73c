package io.sluice.engine.dataflow.source.flatfile;

import io.sluice.engine.type.DataConversionException;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.ValueConverter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.time.DateTimeException;

/**
 * Decoding per column type. The common shapes (plain integers, decimals with up to 18 digits, ISO
 * dates, ASCII text) are parsed straight from the bytes, which is what makes the flat file source
 * fast; anything else goes through the text and {@link ValueConverter}, the SSIS cast.
 */
final class FieldDecoders {

  private static final double[] POWERS_OF_TEN = new double[19];
  private static final DataType ANY_TEXT = DataType.wstr(DataType.MAX_WSTR_LENGTH);
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  static {
    double p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p;
      p *= 10;
    }
  }

  private FieldDecoders() {}

  static String boundedText(
      byte[] b, int start, int end, boolean escaped, DataType type, Charset charset) {
    String value = text(b, start, end, escaped, charset);
    if (type.length() > 0 && value.length() > type.length()) {
      throw new DataConversionException(
          "Text was truncated: \"" + value + "\" is longer than " + type + ".");
    }
    return value;
  }

  static String text(byte[] b, int start, int end, boolean escaped, Charset charset) {
    if (escaped) {
      return new String(b, start, end - start, charset).replace("\"\"", "\"");
    }
    return isAscii(b, start, end)
        ? ascii(b, start, end)
        : new String(b, start, end - start, charset);
  }

  /** No byte has its high bit set: checked eight bytes at a time. */
  private static boolean isAscii(byte[] b, int start, int end) {
    int i = start;
    for (; i + 8 <= end; i += 8) {
      if (((long) LONGS.get(b, i) & HIGH_BITS) != 0) {
        return false;
      }
    }
    for (; i < end; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * ASCII bytes as a string. The deprecated "hibyte" constructor is a plain copy into a compact
   * string; the Charset constructors take a detour through the JDK's decoder plumbing (a thread
   * local result holder per call in JDK 17), measurable when a source makes millions of strings.
   */
  @SuppressWarnings("deprecation")
  private static String ascii(byte[] b, int start, int end) {
    return new String(b, 0, start, end - start);
  }

  static Object integer(byte[] b, int s, int e, DataType type, Charset charset) {
    long value = 0;
    int i = s;
    boolean negative = false;
    if (i < e && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    if (i == e || e - i > 18) {
      return viaText(b, s, e, false, type, charset);
    }
    for (; i < e; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return viaText(b, s, e, false, type, charset);
      }
      value = value * 10 + d;
    }
    long v = negative ? -value : value;
    return switch (type.kind()) {
      case DT_I4 -> v == (int) v ? (Object) (int) v : viaText(b, s, e, false, type, charset);
      case DT_I8 -> v;
      default -> ValueConverter.convert(v, DataType.I8, type);
    };
  }

  /**
   * Doubles from plain decimals: with at most 15 significant digits, digits / 10^scale is exact in
   * both operands, so the division rounds correctly (the classic fast path of strtod).
   */
  static Object real(byte[] b, int s, int e, DataType type, Charset charset) {
    long digits = 0;
    int count = 0;
    int scale = -1;
    int i = s;
    boolean negative = false;
    if (i < e && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    for (; i < e; i++) {
      byte c = b[i];
      if (c == '.' && scale < 0) {
        scale = 0;
        continue;
      }
      int d = c - '0';
      if (d < 0 || d > 9 || count >= 15) {
        return viaText(b, s, e, false, type, charset);
      }
      digits = digits * 10 + d;
      count++;
      if (scale >= 0) {
        scale++;
      }
    }
    if (count == 0) {
      return viaText(b, s, e, false, type, charset);
    }
    double value = scale > 0 ? digits / POWERS_OF_TEN[scale] : digits;
    return negative ? -value : value;
  }

  static Object decimal(byte[] b, int s, int e, DataType type, Charset charset) {
    int maxIntegerDigits =
        type.kind() == DataType.Kind.DT_CY ? 15 : type.precision() - type.scale();
    long digits = 0;
    int count = 0;
    int scale = -1;
    int integerDigits = 0;
    int i = s;
    boolean negative = false;
    if (i < e && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    for (; i < e; i++) {
      byte c = b[i];
      if (c == '.' && scale < 0) {
        scale = 0;
        continue;
      }
      int d = c - '0';
      if (d < 0 || d > 9 || count >= 18) {
        return viaText(b, s, e, false, type, charset);
      }
      digits = digits * 10 + d;
      count++;
      if (scale >= 0) {
        scale++;
      } else if (integerDigits > 0 || d != 0) {
        integerDigits++;
      }
    }
    if (count == 0 || integerDigits > maxIntegerDigits) {
      return viaText(b, s, e, false, type, charset);
    }
    BigDecimal value = BigDecimal.valueOf(negative ? -digits : digits, Math.max(scale, 0));
    return value.scale() == type.scale()
        ? value
        : value.setScale(type.scale(), RoundingMode.HALF_UP);
  }

  static Object date(byte[] b, int s, int e, DataType type, Charset charset, DateCache cache) {
    if (e - s == 10 && b[s + 4] == '-' && b[s + 7] == '-') {
      int year = digits(b, s, 4);
      int month = digits(b, s + 5, 2);
      int day = digits(b, s + 8, 2);
      if (year >= 0 && month >= 0 && day >= 0) {
        try {
          return cache.get(year, month, day);
        } catch (DateTimeException invalid) {
          // fall through to the general parser and its SSIS message
        }
      }
    }
    return viaText(b, s, e, false, type, charset);
  }

  private static int digits(byte[] b, int at, int n) {
    int v = 0;
    for (int i = at; i < at + n; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  static Object viaText(byte[] b, int s, int e, boolean escaped, DataType type, Charset charset) {
    return ValueConverter.convert(text(b, s, e, escaped, charset).trim(), ANY_TEXT, type);
  }
}
