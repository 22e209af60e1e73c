package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;

/** A call of a built-in function; the body sees argument values, NULLs handled per function. */
final class FunctionNode extends Node {

  /** What a function computes from its argument values. */
  @FunctionalInterface
  interface Body {
    Object apply(Object[] arguments, EvaluationContext context);
  }

  /** A function refuses its argument values; the message says which and why. */
  static final class Failure extends RuntimeException {
    Failure(String message) {
      super(message, null, false, false);
    }
  }

  private final String name;
  private final Node[] arguments;
  private final Body body;
  private final boolean nullInNullOut;

  FunctionNode(
      String name,
      Node[] arguments,
      DataType type,
      boolean nullInNullOut,
      Body body,
      int position) {
    super(type, position);
    this.name = name;
    this.arguments = arguments;
    this.body = body;
    this.nullInNullOut = nullInNullOut;
  }

  @Override
  Object evaluate(EvaluationContext context) {
    Object[] values = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      Object value = arguments[i].evaluate(context);
      if (value == null && nullInNullOut) {
        return null;
      }
      values[i] = value;
    }
    try {
      return body.apply(values, context);
    } catch (Failure e) {
      throw new EvaluationFailure(e.getMessage(), "function \"" + name + "\"", position);
    }
  }
}
