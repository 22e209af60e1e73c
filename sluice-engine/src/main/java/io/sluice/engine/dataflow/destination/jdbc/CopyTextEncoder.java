package io.sluice.engine.dataflow.destination.jdbc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Encodes rows in PostgreSQL's COPY text format (tab-separated, {@code \N} for NULL, backslash
 * escapes, UTF-8) into a reusable byte array; ASCII text and integers are written byte by byte
 * without intermediate strings.
 */
final class CopyTextEncoder {

  private byte[] bytes = new byte[1 << 20];
  private int length;

  void reset() {
    length = 0;
  }

  byte[] bytes() {
    return bytes;
  }

  int length() {
    return length;
  }

  void separator() {
    put((byte) '\t');
  }

  void endRow() {
    put((byte) '\n');
  }

  void value(Object value) {
    if (value == null) {
      ensure(2);
      bytes[length++] = '\\';
      bytes[length++] = 'N';
    } else if (value instanceof String s) {
      text(s);
    } else if (value instanceof Integer i) {
      integer(i);
    } else if (value instanceof Long l) {
      integer(l);
    } else if (value instanceof Short || value instanceof Byte) {
      integer(((Number) value).longValue());
    } else if (value instanceof BigDecimal d) {
      ascii(d.toPlainString());
    } else if (value instanceof LocalDate d) {
      date(d);
    } else if (value instanceof Boolean b) {
      put(b ? (byte) 't' : (byte) 'f');
    } else if (value instanceof byte[] b) {
      ascii("\\\\x" + HexFormat.of().formatHex(b));
    } else {
      // Doubles, BigIntegers, times, timestamps (ISO 8601), UUIDs: their toString is COPY input.
      text(value.toString());
    }
  }

  private void text(String s) {
    int n = s.length();
    ensure(n * 2);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        // Rare: finish this value through the UTF-8 encoder.
        escaped(s.substring(i));
        return;
      }
      switch (c) {
        case '\\' -> {
          bytes[length++] = '\\';
          bytes[length++] = '\\';
        }
        case '\t' -> {
          bytes[length++] = '\\';
          bytes[length++] = 't';
        }
        case '\n' -> {
          bytes[length++] = '\\';
          bytes[length++] = 'n';
        }
        case '\r' -> {
          bytes[length++] = '\\';
          bytes[length++] = 'r';
        }
        default -> bytes[length++] = (byte) c;
      }
    }
  }

  private void escaped(String rest) {
    String safe =
        rest.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    byte[] utf8 = safe.getBytes(StandardCharsets.UTF_8);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, bytes, length, utf8.length);
    length += utf8.length;
  }

  private void ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[length++] = (byte) s.charAt(i);
    }
  }

  private void integer(long v) {
    if (v == Long.MIN_VALUE) {
      ascii(Long.toString(v));
      return;
    }
    ensure(20);
    if (v < 0) {
      bytes[length++] = '-';
      v = -v;
    }
    int start = length;
    do {
      bytes[length++] = (byte) ('0' + (v % 10));
      v /= 10;
    } while (v > 0);
    for (int i = start, j = length - 1; i < j; i++, j--) {
      byte t = bytes[i];
      bytes[i] = bytes[j];
      bytes[j] = t;
    }
  }

  private void date(LocalDate d) {
    int year = d.getYear();
    if (year < 1000 || year > 9999) {
      ascii(d.toString());
      return;
    }
    ensure(10);
    digits(year, 4);
    bytes[length++] = '-';
    digits(d.getMonthValue(), 2);
    bytes[length++] = '-';
    digits(d.getDayOfMonth(), 2);
  }

  private void digits(int v, int width) {
    for (int i = width - 1; i >= 0; i--) {
      bytes[length + i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    length += width;
  }

  private void put(byte b) {
    ensure(1);
    bytes[length++] = b;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
