package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;
import io.sluice.engine.type.DataType.Kind;
import io.sluice.engine.type.Integers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/** Typing and decoding of literals, following Microsoft's "Literals (SSIS)". */
final class Literals {

  private Literals() {}

  /**
   * An integer literal: no suffix gives DT_I4, or DT_I8 when the value does not fit; U gives DT_UI4
   * (DT_UI8 when too large); L gives DT_I8; UL or LU gives DT_UI8.
   */
  static ConstantNode integer(String token, int position, Call.Errors errors) {
    String lower = token.toLowerCase(Locale.ROOT);
    boolean hex = lower.startsWith("0x");
    String digits = hex ? lower.substring(2) : lower;
    boolean unsigned = digits.contains("u");
    boolean isLong = digits.contains("l");
    digits = digits.replace("u", "").replace("l", "");
    BigInteger value = new BigInteger(digits, hex ? 16 : 10);
    Kind[] candidates;
    if (unsigned) {
      candidates = isLong ? new Kind[] {Kind.DT_UI8} : new Kind[] {Kind.DT_UI4, Kind.DT_UI8};
    } else {
      candidates = isLong ? new Kind[] {Kind.DT_I8} : new Kind[] {Kind.DT_I4, Kind.DT_I8};
    }
    for (Kind kind : candidates) {
      try {
        return new ConstantNode(
            DataType.of(kind), Integers.box(kind, value, IllegalArgumentException::new), position);
      } catch (IllegalArgumentException tooLarge) {
        // try the next, wider candidate
      }
    }
    Kind widest = candidates[candidates.length - 1];
    throw errors.at(
        position,
        "The literal \""
            + token
            + "\" is too large to fit into type "
            + widest
            + ". The magnitude of the literal overflows the type.");
  }

  /** A number with a decimal point and no exponent: DT_NUMERIC with the digits as written. */
  static ConstantNode decimal(String token, int position, Call.Errors errors) {
    BigDecimal value = new BigDecimal(token.endsWith(".") ? token + "0" : token);
    int scale = token.endsWith(".") ? 0 : token.length() - token.indexOf('.') - 1;
    value = value.setScale(scale);
    int precision = Math.max(value.precision(), scale);
    if (precision > DataType.MAX_NUMERIC_PRECISION) {
      throw errors.at(
          position, "The literal \"" + token + "\" is too large to fit into type DT_NUMERIC.");
    }
    return new ConstantNode(DataType.numeric(Math.max(precision, 1), scale), value, position);
  }

  /** A number with an exponent or a float suffix: F gives DT_R4, otherwise DT_R8. */
  static ConstantNode real(String token, int position) {
    char last = Character.toLowerCase(token.charAt(token.length() - 1));
    boolean suffixed = last == 'f' || last == 'l';
    String number = suffixed ? token.substring(0, token.length() - 1) : token;
    double value = Double.parseDouble(number);
    if (last == 'f') {
      return new ConstantNode(DataType.R4, (float) value, position);
    }
    return new ConstantNode(DataType.R8, value, position);
  }

  /** A string literal without its quotes, escapes decoded. Strings are DT_WSTR. */
  static ConstantNode string(String token, int position, Call.Errors errors) {
    String body = token.substring(1, token.length() - 1);
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      int escapeAt = position + 1 + i;
      char next = body.charAt(++i);
      switch (next) {
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\u000B');
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case 'x' -> {
          String hex =
              body.length() >= i + 5 ? body.substring(i + 1, i + 5) : body.substring(i + 1);
          if (!hex.matches("[0-9a-fA-F]{4}")) {
            throw errors.at(
                escapeAt,
                "The string literal contains an illegal hexadecimal escape sequence of \"\\x"
                    + hex
                    + "\". Hexadecimal escapes must be of the form \\xhhhh");
          }
          out.append((char) Integer.parseInt(hex, 16));
          i += 4;
        }
        default ->
            throw errors.at(
                escapeAt,
                "The string literal contains an illegal escape sequence of \"\\"
                    + next
                    + "\". If a backslash is needed in the string, use a double backslash, \"\\\\\"");
      }
    }
    String value = out.toString();
    return new ConstantNode(DataType.wstr(Math.max(value.length(), 1)), value, position);
  }
}
