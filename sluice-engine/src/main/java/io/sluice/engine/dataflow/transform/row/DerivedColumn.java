package io.sluice.engine.dataflow.transform.row;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import io.sluice.engine.dataflow.pipeline.ErrorCodes;
import io.sluice.engine.dataflow.pipeline.ErrorDisposition;
import io.sluice.engine.dataflow.pipeline.RowCursor;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import io.sluice.engine.expression.Expression;
import io.sluice.engine.expression.ExpressionEvaluationException;
import io.sluice.engine.type.DataConversionException;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.ValueConverter;
import java.util.List;

/**
 * Evaluates each derivation over the whole buffer into a new column array; the input's arrays are
 * shared, never copied or written.
 */
final class DerivedColumn implements ComponentRuntime {

  /**
   * @param cast the declared type when it differs from the expression's, else null
   */
  record Derivation(
      String name, int target, Expression expression, DataType cast, ErrorDisposition onError) {}

  private final List<Derivation> derivations;
  private final int width;

  DerivedColumn(List<Derivation> derivations, int width) {
    this.derivations = derivations;
    this.width = width;
  }

  @Override
  public void run(ComponentIo io) throws InterruptedException {
    RowCursor cursor = new RowCursor(io.environment().variableValues(), io.environment().clock());
    RowErrors errors = new RowErrors(1);
    Buffer buffer;
    while ((buffer = io.take(0)) != null) {
      errors.begin();
      cursor.buffer(buffer);
      Object[][] in = buffer.columns();
      Object[][] out = new Object[width][];
      System.arraycopy(in, 0, out, 0, in.length);
      for (Derivation d : derivations) {
        out[d.target()] = evaluate(d, buffer, cursor, errors);
      }
      errors.send(io, buffer, buffer.withColumns(out), 0);
    }
  }

  private static Object[] evaluate(
      Derivation d, Buffer buffer, RowCursor cursor, RowErrors errors) {
    Object[] values = new Object[buffer.rowCount()];
    Expression expression = d.expression();
    DataType cast = d.cast();
    int size = buffer.size();
    for (int i = 0; i < size; i++) {
      int r = buffer.row(i);
      if (errors.isRedirected(r)) {
        continue;
      }
      cursor.row(r);
      try {
        Object v = expression.evaluate(cursor);
        values[r] = cast == null ? v : ValueConverter.convert(v, expression.resultType(), cast);
      } catch (ExpressionEvaluationException e) {
        errors.handle(buffer, r, d.onError(), ErrorCodes.EXPRESSION_FAILED, d.name(), e);
      } catch (DataConversionException e) {
        errors.handle(buffer, r, d.onError(), ErrorCodes.CONVERSION_FAILED, d.name(), e);
      }
    }
    return values;
  }
}
