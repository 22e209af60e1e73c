package io.sluice.engine.dataflow.source.flatfile;

import io.sluice.engine.type.DataConversionException;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.ValueConverter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Decoders per column type. The common shapes (plain integers, decimals with up to 18 digits, ISO
 * dates, ASCII text) are parsed straight from the bytes, which is what makes the flat file source
 * fast; anything else goes through the text and {@link ValueConverter}, the SSIS cast.
 */
final class FieldDecoders {

  private static final double[] POWERS_OF_TEN = new double[19];

  static {
    double p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p;
      p *= 10;
    }
  }

  private FieldDecoders() {}

  /**
   * The decoder for a column, with a {@link ValueCache} in front for the kinds that repeat and
   * whose values are immutable.
   */
  static FieldDecoder forType(DataType type, Charset charset) {
    FieldDecoder plain = plain(type, charset);
    if (Boolean.getBoolean("sluice.noValueCache")
        || !type.kind().isString()
            && type.kind() != DataType.Kind.DT_DBDATE
            && !type.kind().isExactDecimal()) {
      return plain;
    }
    ValueCache cache = new ValueCache();
    return (b, s, e, q) -> {
      if (q || !cache.applies(e - s)) {
        return plain.decode(b, s, e, q);
      }
      int slot = cache.slot(b, s, e);
      Object value = cache.find(slot, b, s, e);
      if (value == null) {
        value = plain.decode(b, s, e, false);
        cache.put(slot, b, s, e, value);
      }
      return value;
    };
  }

  private static FieldDecoder plain(DataType type, Charset charset) {
    return switch (type.kind()) {
      case DT_STR, DT_WSTR -> text(type, charset);
      case DT_TEXT, DT_NTEXT -> (b, s, e, q) -> text(b, s, e, q, charset);
      case DT_I1, DT_I2, DT_I4, DT_I8, DT_UI1, DT_UI2, DT_UI4 -> integer(type, charset);
      case DT_R8 -> real(type, charset);
      case DT_NUMERIC, DT_DECIMAL, DT_CY -> decimal(type, charset);
      case DT_DBDATE -> date(type, charset);
      default -> viaText(type, charset);
    };
  }

  private static FieldDecoder text(DataType type, Charset charset) {
    int max = type.length();
    return (b, s, e, q) -> {
      String value = text(b, s, e, q, charset);
      if (max > 0 && value.length() > max) {
        throw new DataConversionException(
            "Text was truncated: \"" + value + "\" is longer than " + type + ".");
      }
      return value;
    };
  }

  static String text(byte[] b, int start, int end, boolean escaped, Charset charset) {
    if (escaped) {
      return undouble(new String(b, start, end - start, charset));
    }
    for (int i = start; i < end; i++) {
      if (b[i] < 0) {
        return new String(b, start, end - start, charset);
      }
    }
    // Pure ASCII: Latin-1 decoding is a plain copy into a compact string.
    return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
  }

  private static String undouble(String text) {
    return text.replace("\"\"", "\"");
  }

  private static FieldDecoder integer(DataType type, Charset charset) {
    FieldDecoder slow = viaText(type, charset);
    return (b, s, e, q) -> {
      long value = 0;
      int i = s;
      boolean negative = false;
      if (i < e && (b[i] == '-' || b[i] == '+')) {
        negative = b[i] == '-';
        i++;
      }
      if (i == e || e - i > 18) {
        return slow.decode(b, s, e, q);
      }
      for (; i < e; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          return slow.decode(b, s, e, q);
        }
        value = value * 10 + d;
      }
      long v = negative ? -value : value;
      return switch (type.kind()) {
        case DT_I4 -> v == (int) v ? (Object) (int) v : slow.decode(b, s, e, q);
        case DT_I8 -> v;
        default -> ValueConverter.convert(v, DataType.I8, type);
      };
    };
  }

  /**
   * Doubles from plain decimals: with at most 15 significant digits, digits / 10^scale is exact in
   * both operands, so the division rounds correctly (the classic fast path of strtod).
   */
  private static FieldDecoder real(DataType type, Charset charset) {
    FieldDecoder slow = viaText(type, charset);
    return (b, s, e, q) -> {
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
          return slow.decode(b, s, e, q);
        }
        digits = digits * 10 + d;
        count++;
        if (scale >= 0) {
          scale++;
        }
      }
      if (count == 0) {
        return slow.decode(b, s, e, q);
      }
      double value = scale > 0 ? digits / POWERS_OF_TEN[scale] : digits;
      return negative ? -value : value;
    };
  }

  private static FieldDecoder decimal(DataType type, Charset charset) {
    FieldDecoder slow = viaText(type, charset);
    int targetScale = type.scale();
    int maxIntegerDigits =
        type.kind() == DataType.Kind.DT_CY ? 15 : type.precision() - type.scale();
    return (b, s, e, q) -> {
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
          return slow.decode(b, s, e, q);
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
        return slow.decode(b, s, e, q);
      }
      BigDecimal value = BigDecimal.valueOf(negative ? -digits : digits, Math.max(scale, 0));
      return value.scale() == targetScale
          ? value
          : value.setScale(targetScale, RoundingMode.HALF_UP);
    };
  }

  private static FieldDecoder date(DataType type, Charset charset) {
    FieldDecoder slow = viaText(type, charset);
    return (b, s, e, q) -> {
      if (e - s == 10 && b[s + 4] == '-' && b[s + 7] == '-') {
        int year = digits(b, s, 4);
        int month = digits(b, s + 5, 2);
        int day = digits(b, s + 8, 2);
        if (year >= 0 && month >= 0 && day >= 0) {
          try {
            return LocalDate.of(year, month, day);
          } catch (DateTimeException invalid) {
            // fall through to the general parser and its SSIS message
          }
        }
      }
      return slow.decode(b, s, e, q);
    };
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

  private static FieldDecoder viaText(DataType type, Charset charset) {
    DataType from = DataType.wstr(DataType.MAX_WSTR_LENGTH);
    return (b, s, e, q) -> ValueConverter.convert(text(b, s, e, q, charset).trim(), from, type);
  }
}
