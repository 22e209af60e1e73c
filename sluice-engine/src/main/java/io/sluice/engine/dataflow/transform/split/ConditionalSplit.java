package io.sluice.engine.dataflow.transform.split;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import io.sluice.engine.dataflow.pipeline.ErrorCodes;
import io.sluice.engine.dataflow.pipeline.ErrorDisposition;
import io.sluice.engine.dataflow.pipeline.RowCursor;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import io.sluice.engine.expression.Expression;
import io.sluice.engine.expression.ExpressionEvaluationException;
import java.util.List;

/** Routes rows by selecting them into per-output views of the same buffer; no row is copied. */
final class ConditionalSplit implements ComponentRuntime {

  private final Expression[] conditions;
  private final List<String> names;
  private final ErrorDisposition onError;

  ConditionalSplit(List<Expression> conditions, List<String> names, ErrorDisposition onError) {
    this.conditions = conditions.toArray(new Expression[0]);
    this.names = names;
    this.onError = onError;
  }

  @Override
  public void run(ComponentIo io) throws InterruptedException {
    RowCursor cursor = new RowCursor(io.environment().variableValues(), io.environment().clock());
    RowErrors errors = new RowErrors(conditions.length + 1);
    int outputs = conditions.length + 1;
    Buffer buffer;
    while ((buffer = io.take(0)) != null) {
      errors.begin();
      cursor.buffer(buffer);
      int size = buffer.size();
      int[][] rows = new int[outputs][];
      int[] counts = new int[outputs];
      for (int i = 0; i < size; i++) {
        int r = buffer.row(i);
        cursor.row(r);
        int target = route(cursor, buffer, r, errors);
        if (target < 0) {
          continue;
        }
        if (rows[target] == null) {
          rows[target] = new int[size];
        }
        rows[target][counts[target]++] = r;
      }
      for (int o = 0; o < outputs; o++) {
        if (counts[o] == size && !errors.any()) {
          io.send(o, buffer); // every row went one way: hand the buffer on as it is
        } else if (counts[o] > 0) {
          io.send(o, buffer.select(rows[o], counts[o]));
        }
      }
      errors.sendErrors(io, buffer);
    }
  }

  /** The output index for a row, or -1 when it was redirected to the error output. */
  private int route(RowCursor cursor, Buffer buffer, int r, RowErrors errors) {
    for (int c = 0; c < conditions.length; c++) {
      try {
        if (Boolean.TRUE.equals(conditions[c].evaluate(cursor))) {
          return c;
        }
      } catch (ExpressionEvaluationException e) {
        if (errors.handle(buffer, r, onError, ErrorCodes.EXPRESSION_FAILED, names.get(c), e)) {
          return -1;
        }
      }
    }
    return conditions.length;
  }
}
