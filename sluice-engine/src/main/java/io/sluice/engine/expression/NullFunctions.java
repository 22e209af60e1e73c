package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;
import io.sluice.engine.type.ValueConverter;
import java.util.List;

/** ISNULL and REPLACENULL (NULL(DT_...) is a typed constant built by the compiler). */
final class NullFunctions {

  private NullFunctions() {}

  static Node isnull(Call call) {
    call.expectArguments(1);
    return call.nodeSeeingNulls(DataType.BOOL, (args, ctx) -> args[0] == null);
  }

  /**
   * REPLACENULL(value, replacement): the result has the type of {@code value}; the replacement is
   * converted to it when needed (e.g. a date string for a date column).
   */
  static Node replacenull(Call call) {
    call.expectArguments(2);
    Node value = call.argument(0);
    Node replacement = call.argument(1);
    DataType type = value.type;
    if (type.kind().isString() && replacement.type.kind().isString()) {
      type = DataType.wstr(Math.max(Call.lengthOf(value), Call.lengthOf(replacement)));
    } else if (!type.equals(replacement.type)) {
      if (!ValueConverter.canConvert(replacement.type.kind(), type.kind())) {
        throw call.mismatch(1);
      }
      replacement = new CastNode(replacement, type, replacement.position);
    }
    return new FunctionNode(
        call.name,
        List.of(value, replacement).toArray(Node[]::new),
        type,
        false,
        (args, ctx) -> args[0] != null ? args[0] : args[1],
        call.position);
  }
}
