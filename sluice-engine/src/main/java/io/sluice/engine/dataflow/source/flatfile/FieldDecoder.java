package io.sluice.engine.dataflow.source.flatfile;

import io.sluice.engine.type.DataType;
import io.sluice.engine.type.DataType.Kind;
import java.nio.charset.Charset;

/**
 * Turns a field's bytes into a value of its column's type. One final class with a switch rather
 * than a lambda per type: the source calls it for every field, and a single class keeps that call
 * site monomorphic so the JIT inlines the whole decoding loop.
 */
final class FieldDecoder {

  private enum Shape {
    TEXT,
    LONG_TEXT,
    INTEGER,
    REAL,
    DECIMAL,
    DATE,
    OTHER
  }

  private final Shape shape;
  private final DataType type;
  private final Charset charset;
  private final ValueCache cache;
  private final DateCache dates;

  /**
   * A decoder with a {@link ValueCache} in front for the kinds that repeat in real files and whose
   * values are immutable (text, decimals); dates have their own {@link DateCache}.
   */
  FieldDecoder(DataType type, Charset charset) {
    this.type = type;
    this.charset = charset;
    Kind k = type.kind();
    this.shape =
        switch (k) {
          case DT_STR, DT_WSTR -> Shape.TEXT;
          case DT_TEXT, DT_NTEXT -> Shape.LONG_TEXT;
          case DT_I1, DT_I2, DT_I4, DT_I8, DT_UI1, DT_UI2, DT_UI4 -> Shape.INTEGER;
          case DT_R8 -> Shape.REAL;
          case DT_NUMERIC, DT_DECIMAL, DT_CY -> Shape.DECIMAL;
          case DT_DBDATE -> Shape.DATE;
          default -> Shape.OTHER;
        };
    this.cache = shape == Shape.TEXT || shape == Shape.DECIMAL ? new ValueCache() : null;
    this.dates = shape == Shape.DATE ? new DateCache() : null;
  }

  /**
   * @throws io.sluice.engine.type.DataConversionException when the text is not a value of the type
   */
  Object decode(byte[] b, int start, int end, boolean escaped) {
    if (cache == null || escaped || !cache.applies(end - start)) {
      return plain(b, start, end, escaped);
    }
    int slot = cache.slot(b, start, end);
    Object value = cache.find(slot, end - start);
    if (value == null) {
      value = plain(b, start, end, false);
      cache.put(slot, end - start, value);
    }
    return value;
  }

  private Object plain(byte[] b, int start, int end, boolean escaped) {
    return switch (shape) {
      case TEXT -> FieldDecoders.boundedText(b, start, end, escaped, type, charset);
      case LONG_TEXT -> FieldDecoders.text(b, start, end, escaped, charset);
      case INTEGER -> FieldDecoders.integer(b, start, end, type, charset);
      case REAL -> FieldDecoders.real(b, start, end, type, charset);
      case DECIMAL -> FieldDecoders.decimal(b, start, end, type, charset);
      case DATE -> FieldDecoders.date(b, start, end, type, charset, dates);
      case OTHER -> FieldDecoders.viaText(b, start, end, escaped, type, charset);
    };
  }
}
