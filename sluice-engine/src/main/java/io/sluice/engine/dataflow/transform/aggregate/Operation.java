package io.sluice.engine.dataflow.transform.aggregate;

import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.DataType.Kind;
import java.util.Locale;

/** An Aggregate operation and the type it produces from its input's type. */
enum Operation {
  SUM,
  AVG,
  COUNT,
  COUNT_DISTINCT,
  MIN,
  MAX;

  static Operation parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT).replace("_", "")) {
      case "sum" -> SUM;
      case "avg", "average" -> AVG;
      case "count", "countall" -> COUNT;
      case "countdistinct" -> COUNT_DISTINCT;
      case "min", "minimum" -> MIN;
      case "max", "maximum" -> MAX;
      default ->
          throw new PlanningException(
              "aggregate operation '"
                  + text
                  + "' is unknown; use sum, avg, count, countDistinct, min or max");
    };
  }

  /** The output type; counts are DT_I8 (SSIS uses DT_UI8, whose Java carrier is BigInteger). */
  DataType resultType(DataType input, String column) {
    if (this == COUNT || this == COUNT_DISTINCT) {
      return DataType.I8;
    }
    Kind k = input.kind();
    if (this == MIN || this == MAX) {
      if (k.isBinary() || k == Kind.DT_TEXT || k == Kind.DT_NTEXT || k == Kind.DT_IMAGE) {
        throw new PlanningException(
            "cannot take the "
                + name().toLowerCase(Locale.ROOT)
                + " of "
                + column
                + " ("
                + input
                + ")");
      }
      return input;
    }
    if (!k.isNumeric()) {
      throw new PlanningException(
          name().toLowerCase(Locale.ROOT)
              + " needs a numeric column; '"
              + column
              + "' is "
              + input);
    }
    if (this == SUM) {
      if (k.isInteger()) {
        return DataType.I8;
      }
      return k.isReal()
          ? DataType.R8
          : DataType.numeric(DataType.MAX_NUMERIC_PRECISION, input.scale());
    }
    return k.isExactDecimal()
        ? DataType.numeric(DataType.MAX_NUMERIC_PRECISION, Math.max(input.scale(), 6))
        : DataType.R8;
  }
}
