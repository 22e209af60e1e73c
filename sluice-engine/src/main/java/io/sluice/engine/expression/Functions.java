package io.sluice.engine.expression;

import java.util.Locale;

/** The built-in functions by name; names are case-insensitive. */
final class Functions {

  private Functions() {}

  static Node compile(Call call) {
    return switch (call.name.toUpperCase(Locale.ROOT)) {
      case "ABS" -> MathFunctions.abs(call);
      case "CEILING" -> MathFunctions.ceilingOrFloor(call, true);
      case "FLOOR" -> MathFunctions.ceilingOrFloor(call, false);
      case "ROUND" -> MathFunctions.round(call);
      case "SIGN" -> MathFunctions.sign(call);
      case "EXP" -> MathFunctions.real(call, Math::exp);
      case "SQUARE" -> MathFunctions.real(call, x -> x * x);
      case "LN" -> MathFunctions.logarithm(call, Math::log);
      case "LOG" -> MathFunctions.logarithm(call, Math::log10);
      case "POWER" -> MathFunctions.power(call);
      case "SQRT" -> MathFunctions.sqrt(call);
      case "CODEPOINT" -> StringFunctions.codepoint(call);
      case "FINDSTRING" -> StringFunctions.findstring(call);
      case "HEX" -> StringFunctions.hex(call);
      case "LEN" -> StringFunctions.len(call);
      case "LEFT" -> StringFunctions.leftOrRight(call, true);
      case "RIGHT" -> StringFunctions.leftOrRight(call, false);
      case "LOWER" -> StringFunctions.map(call, StringFunctions::lower);
      case "UPPER" -> StringFunctions.map(call, StringFunctions::upper);
      case "LTRIM" -> StringFunctions.map(call, StringFunctions::ltrim);
      case "RTRIM" -> StringFunctions.map(call, StringFunctions::rtrim);
      case "TRIM" -> StringFunctions.map(call, StringFunctions::trim);
      case "REVERSE" -> StringFunctions.map(call, StringFunctions::reverse);
      case "REPLACE" -> StringFunctions.replace(call);
      case "REPLICATE" -> StringFunctions.replicate(call);
      case "SUBSTRING" -> StringFunctions.substring(call);
      case "TOKEN" -> StringFunctions.token(call);
      case "TOKENCOUNT" -> StringFunctions.tokencount(call);
      case "DATEADD" -> DateFunctions.dateadd(call);
      case "DATEDIFF" -> DateFunctions.datediff(call);
      case "DATEPART" -> DateFunctions.datepart(call);
      case "DAY" -> DateFunctions.shorthand(call, DatePart.DAY);
      case "MONTH" -> DateFunctions.shorthand(call, DatePart.MONTH);
      case "YEAR" -> DateFunctions.shorthand(call, DatePart.YEAR);
      case "GETDATE" -> DateFunctions.getdate(call, false);
      case "GETUTCDATE" -> DateFunctions.getdate(call, true);
      case "ISNULL" -> NullFunctions.isnull(call);
      case "REPLACENULL" -> NullFunctions.replacenull(call);
      default ->
          throw call.error(
              "The function \""
                  + call.name
                  + "\" was not recognized. Either the function name is incorrect or does not exist.");
    };
  }
}
