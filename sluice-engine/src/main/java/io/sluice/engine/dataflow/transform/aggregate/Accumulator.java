package io.sluice.engine.dataflow.transform.aggregate;

import io.sluice.engine.dataflow.pipeline.RowComparator;
import io.sluice.engine.type.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Set;

/**
 * The running state of one aggregate for one group. NULL inputs are skipped, as in SSIS and SQL; a
 * sum, average, minimum or maximum over no values is NULL.
 */
abstract class Accumulator {

  /** Adds a value; returns how many bytes of heap the state grew by (for the memory budget). */
  abstract long add(Object value);

  abstract Object result();

  static Accumulator of(Operation op, DataType input, DataType output) {
    return switch (op) {
      case COUNT -> new Count();
      case COUNT_DISTINCT -> new CountDistinct();
      case MIN -> new Extreme(-1);
      case MAX -> new Extreme(1);
      case SUM ->
          output.kind().isInteger()
              ? new LongSum()
              : output.kind().isReal()
                  ? new DoubleSum(false)
                  : new DecimalSum(false, output.scale());
      case AVG ->
          output.kind().isReal() ? new DoubleSum(true) : new DecimalSum(true, output.scale());
    };
  }

  static final class Count extends Accumulator {
    private long count;
    private final boolean all;

    Count() {
      this(false);
    }

    Count(boolean all) {
      this.all = all;
    }

    @Override
    long add(Object value) {
      if (all || value != null) {
        count++;
      }
      return 0;
    }

    @Override
    Object result() {
      return count;
    }
  }

  static final class CountDistinct extends Accumulator {
    private final Set<Object> seen = new HashSet<>();

    @Override
    long add(Object value) {
      // byte[] has identity equality: compare binary values by content instead.
      Object key = value instanceof byte[] b ? new BigInteger(1, b) : value;
      return value != null && seen.add(key) ? 48 : 0;
    }

    @Override
    Object result() {
      return (long) seen.size();
    }
  }

  static final class Extreme extends Accumulator {
    private final int sign;
    private Object best;

    Extreme(int sign) {
      this.sign = sign;
    }

    @Override
    long add(Object value) {
      if (value != null && (best == null || RowComparator.compareValues(value, best) * sign > 0)) {
        best = value;
      }
      return 0;
    }

    @Override
    Object result() {
      return best;
    }
  }

  static final class LongSum extends Accumulator {
    private long sum;
    private boolean any;

    @Override
    long add(Object value) {
      if (value != null) {
        sum =
            Math.addExact(
                sum,
                value instanceof BigInteger i ? i.longValueExact() : ((Number) value).longValue());
        any = true;
      }
      return 0;
    }

    @Override
    Object result() {
      return any ? sum : null;
    }
  }

  static final class DoubleSum extends Accumulator {
    private final boolean average;
    private double sum;
    private long count;

    DoubleSum(boolean average) {
      this.average = average;
    }

    @Override
    long add(Object value) {
      if (value != null) {
        sum += value instanceof BigDecimal d ? d.doubleValue() : ((Number) value).doubleValue();
        count++;
      }
      return 0;
    }

    @Override
    Object result() {
      if (count == 0) {
        return null;
      }
      return average ? sum / count : sum;
    }
  }

  static final class DecimalSum extends Accumulator {
    private final boolean average;
    private final int scale;
    private BigDecimal sum = BigDecimal.ZERO;
    private long count;

    DecimalSum(boolean average, int scale) {
      this.average = average;
      this.scale = scale;
    }

    @Override
    long add(Object value) {
      if (value != null) {
        sum = sum.add(value instanceof BigDecimal d ? d : new BigDecimal(value.toString()));
        count++;
      }
      return 0;
    }

    @Override
    Object result() {
      if (count == 0) {
        return null;
      }
      BigDecimal v = average ? sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128) : sum;
      return v.setScale(scale, RoundingMode.HALF_UP);
    }
  }
}
