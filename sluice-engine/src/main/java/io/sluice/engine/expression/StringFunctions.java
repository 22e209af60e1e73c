package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;
import io.sluice.engine.type.DataType.Kind;
import io.sluice.engine.type.ValueConverter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * CODEPOINT FINDSTRING HEX LEN LEFT LOWER LTRIM REPLACE REPLICATE REVERSE RIGHT RTRIM SUBSTRING
 * TRIM UPPER TOKEN TOKENCOUNT. Positions and occurrences are 1-based, as in SSIS.
 */
final class StringFunctions {

  private StringFunctions() {}

  /** Functions of one string that return a string of at most the same length. */
  static Node map(Call call, UnaryOperator<String> operation) {
    call.expectArguments(1);
    Node text = call.string(0);
    return call.node(
        DataType.wstr(Call.lengthOf(text)), (args, ctx) -> operation.apply((String) args[0]));
  }

  static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  static String reverse(String s) {
    return new StringBuilder(s).reverse().toString();
  }

  /** SSIS trims only U+0020, not tabs or other white space. */
  static String ltrim(String s) {
    int start = 0;
    while (start < s.length() && s.charAt(start) == ' ') {
      start++;
    }
    return s.substring(start);
  }

  static String rtrim(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }

  static String trim(String s) {
    return ltrim(rtrim(s));
  }

  static Node codepoint(Call call) {
    call.expectArguments(1);
    call.string(0);
    return call.node(
        DataType.UI2,
        (args, ctx) -> {
          String s = (String) args[0];
          return s.isEmpty() ? null : (int) s.charAt(0);
        });
  }

  static Node len(Call call) {
    call.expectArguments(1);
    Node argument = call.argument(0);
    Kind kind = argument.type.kind();
    if (!kind.isCharacter() && kind != Kind.DT_IMAGE) {
      throw call.mismatch(0);
    }
    int codePage = argument.type.codePage();
    return call.node(
        DataType.I4,
        (args, ctx) -> {
          Object v = args[0];
          // For the large-object types SSIS counts bytes, not characters.
          return switch (kind) {
            case DT_IMAGE -> ((byte[]) v).length;
            case DT_NTEXT -> ((String) v).getBytes(StandardCharsets.UTF_16LE).length;
            case DT_TEXT -> ((String) v).getBytes(ValueConverter.charset(codePage)).length;
            default -> ((String) v).length();
          };
        });
  }

  static Node findstring(Call call) {
    call.expectArguments(3);
    call.string(0);
    call.string(1);
    call.integer(2);
    return call.node(
        DataType.I4,
        (args, ctx) -> {
          String s = (String) args[0];
          String search = (String) args[1];
          long occurrence = Numbers.asLong(args[2]);
          if (occurrence <= 0) {
            throw new FunctionNode.Failure(
                "The occurrence "
                    + occurrence
                    + " is not valid for function \"FINDSTRING\". It must be greater than 0.");
          }
          if (search.isEmpty()) {
            return 0;
          }
          int index = -1;
          for (long found = 0; found < occurrence; found++) {
            index = s.indexOf(search, index + 1);
            if (index < 0) {
              return 0;
            }
          }
          return index + 1;
        });
  }

  static Node hex(Call call) {
    call.expectArguments(1);
    Kind kind = call.integer(0).type.kind();
    int bits = kind.integerBytes() * 8;
    return call.node(
        DataType.wstr(kind.integerBytes() * 2),
        (args, ctx) -> {
          Object v = args[0];
          if (v instanceof BigInteger i) {
            return i.toString(16).toUpperCase(Locale.ROOT);
          }
          long x = Numbers.asLong(v);
          // Negative numbers show their two's complement within the width of their type.
          long masked = bits == 64 ? x : x & ((1L << bits) - 1);
          return Long.toHexString(masked).toUpperCase(Locale.ROOT);
        });
  }

  static Node leftOrRight(Call call, boolean left) {
    call.expectArguments(2);
    Node text = call.string(0);
    call.integer(1);
    return call.node(
        DataType.wstr(Call.lengthOf(text)),
        (args, ctx) -> {
          String s = (String) args[0];
          long count = Numbers.asLong(args[1]);
          if (count < 0) {
            throw new FunctionNode.Failure(
                "The length "
                    + count
                    + " is not valid for function \""
                    + call.name
                    + "\". The length parameter cannot be negative.");
          }
          int n = (int) Math.min(count, s.length());
          return left ? s.substring(0, n) : s.substring(s.length() - n);
        });
  }

  static Node substring(Call call) {
    call.expectArguments(3);
    Node text = call.string(0);
    call.integer(1);
    call.integer(2);
    return call.node(
        DataType.wstr(Call.lengthOf(text)),
        (args, ctx) -> {
          String s = (String) args[0];
          long start = Numbers.asLong(args[1]);
          long length = Numbers.asLong(args[2]);
          if (start <= 0) {
            throw new FunctionNode.Failure(
                "The start index "
                    + start
                    + " is not valid for function \"SUBSTRING\". The start index value must be"
                    + " an integer greater than 0. Start index is one-based, not zero-based.");
          }
          if (length < 0) {
            throw new FunctionNode.Failure(
                "The length "
                    + length
                    + " is not valid for function \"SUBSTRING\". The length parameter cannot be"
                    + " negative.");
          }
          if (start > s.length()) {
            return "";
          }
          int from = (int) start - 1;
          int to = (int) Math.min(s.length(), from + length);
          return s.substring(from, to);
        });
  }

  static Node replace(Call call) {
    call.expectArguments(3);
    call.string(0);
    call.string(1);
    call.string(2);
    return call.node(
        DataType.wstr(DataType.MAX_WSTR_LENGTH),
        (args, ctx) -> {
          String search = (String) args[1];
          if (search.isEmpty()) {
            throw new FunctionNode.Failure(
                "The search string of function \"REPLACE\" must not be empty.");
          }
          return ((String) args[0]).replace(search, (String) args[2]);
        });
  }

  static Node replicate(Call call) {
    call.expectArguments(2);
    call.string(0);
    call.integer(1);
    return call.node(
        DataType.wstr(DataType.MAX_WSTR_LENGTH),
        (args, ctx) -> {
          String s = (String) args[0];
          long times = Numbers.asLong(args[1]);
          if (times < 0) {
            throw new FunctionNode.Failure(
                "The count "
                    + times
                    + " is not valid for function \"REPLICATE\". It cannot be negative.");
          }
          if (times * s.length() > Integer.MAX_VALUE / 2) {
            throw new FunctionNode.Failure(
                "The result of the function call \"REPLICATE\" is too large to fit in type"
                    + " \"DT_WSTR\".");
          }
          return s.repeat((int) times);
        });
  }

  static Node token(Call call) {
    call.expectArguments(3);
    Node text = call.string(0);
    call.string(1);
    call.integer(2);
    return call.node(
        DataType.wstr(Call.lengthOf(text)),
        (args, ctx) -> {
          long occurrence = Numbers.asLong(args[2]);
          if (occurrence <= 0) {
            throw new FunctionNode.Failure(
                "The occurrence "
                    + occurrence
                    + " is not valid for function \"TOKEN\". It must be greater than 0.");
          }
          return nthToken((String) args[0], (String) args[1], occurrence);
        });
  }

  static Node tokencount(Call call) {
    call.expectArguments(2);
    call.string(0);
    call.string(1);
    return call.nodeSeeingNulls(
        DataType.I4,
        (args, ctx) -> {
          if (args[0] == null) {
            return 0;
          }
          if (args[1] == null) {
            return null;
          }
          return (int) countTokens((String) args[0], (String) args[1]);
        });
  }

  /**
   * The n-th token (1-based) between delimiter characters; runs of delimiters separate once and
   * leading delimiters are skipped. Beyond the last token the result is empty, as in Microsoft's
   * TOKEN examples.
   */
  private static String nthToken(String s, String delimiters, long occurrence) {
    long seen = 0;
    int i = 0;
    while (i < s.length()) {
      while (i < s.length() && delimiters.indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      if (i >= s.length()) {
        break;
      }
      int start = i;
      while (i < s.length() && delimiters.indexOf(s.charAt(i)) < 0) {
        i++;
      }
      if (++seen == occurrence) {
        return s.substring(start, i);
      }
    }
    return "";
  }

  private static long countTokens(String s, String delimiters) {
    long count = 0;
    boolean inToken = false;
    for (int i = 0; i < s.length(); i++) {
      boolean delimiter = delimiters.indexOf(s.charAt(i)) >= 0;
      if (!delimiter && !inToken) {
        count++;
      }
      inToken = !delimiter;
    }
    return count;
  }
}
