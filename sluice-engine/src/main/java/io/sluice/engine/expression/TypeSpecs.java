package io.sluice.engine.expression;

import io.sluice.engine.expression.SsisExpressionParser.TypeSpecContext;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.DataType.Kind;
import java.util.List;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns the type spec of a cast or NULL(...), e.g. {@code DT_STR,50,1252}, into a DataType. */
final class TypeSpecs {

  /** Fractional-second digits when (DT_DBTIME2) and friends are written without them. */
  private static final int DEFAULT_FRACTION_DIGITS = 7;

  private TypeSpecs() {}

  static DataType parse(TypeSpecContext spec, Call.Errors errors) {
    int position = spec.getStart().getStartIndex() + 1;
    String name = spec.DATA_TYPE().getText();
    Kind kind =
        Kind.fromName(name)
            .orElseThrow(
                () ->
                    errors.at(
                        position, "The data type \"" + name + "\" is not a valid SSIS data type"));
    List<TerminalNode> tokens = spec.INTEGER();
    int[] p = new int[tokens.size()];
    for (int i = 0; i < p.length; i++) {
      String digits = tokens.get(i).getText().replaceAll("[^0-9]", "");
      p[i] = digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }
    Checker check = new Checker(kind, p, position, errors);
    return switch (kind) {
      case DT_STR -> {
        check.count(2, "length and code page, e.g. (DT_STR,50,1252)");
        yield DataType.str(check.range(0, "length", 1, 8000), p[1]);
      }
      case DT_WSTR -> {
        check.count(1, "length, e.g. (DT_WSTR,50)");
        yield DataType.wstr(check.range(0, "length", 1, DataType.MAX_WSTR_LENGTH));
      }
      case DT_BYTES -> {
        check.count(1, "length, e.g. (DT_BYTES,16)");
        yield DataType.bytes(check.range(0, "length", 1, 8000));
      }
      case DT_NUMERIC -> {
        check.count(2, "precision and scale, e.g. (DT_NUMERIC,10,2)");
        int precision = check.range(0, "precision", 1, DataType.MAX_NUMERIC_PRECISION);
        yield DataType.numeric(precision, check.range(1, "scale", 0, precision));
      }
      case DT_DECIMAL -> {
        check.count(1, "scale, e.g. (DT_DECIMAL,2)");
        yield DataType.decimal(check.range(0, "scale", 0, 28));
      }
      case DT_TEXT -> {
        check.count(1, "code page, e.g. (DT_TEXT,1252)");
        yield DataType.text(p[0]);
      }
      case DT_DBTIME2, DT_DBTIMESTAMP2, DT_DBTIMESTAMPOFFSET -> {
        int digits = p.length == 0 ? DEFAULT_FRACTION_DIGITS : check.fractionDigits();
        yield new DataType(kind, 0, 0, digits, 0);
      }
      default -> {
        check.count(0, "no parameters, e.g. (" + kind + ")");
        yield DataType.of(kind);
      }
    };
  }

  private record Checker(Kind kind, int[] parameters, int position, Call.Errors errors) {

    void count(int expected, String what) {
      if (parameters.length != expected) {
        throw errors.at(
            position,
            "The data type \""
                + kind
                + "\" takes "
                + what
                + "; "
                + parameters.length
                + (parameters.length == 1 ? " parameter was" : " parameters were")
                + " given");
      }
    }

    int range(int index, String what, int min, int max) {
      int value = parameters[index];
      if (value < min || value > max) {
        throw errors.at(
            position,
            "The value "
                + value
                + " specified for the "
                + what
                + " parameter of the data type \""
                + kind
                + "\" is not valid. It must be in the range "
                + min
                + " to "
                + max);
      }
      return value;
    }

    int fractionDigits() {
      count(1, "the number of fractional-second digits, e.g. (" + kind + ",3)");
      return range(0, "fractional seconds", 0, 7);
    }
  }
}
