package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;

/** One typed, compiled piece of an expression; evaluation walks these without re-parsing. */
abstract class Node {

  final DataType type;

  /** 1-based position of the operator, function or operand in the expression text. */
  final int position;

  Node(DataType type, int position) {
    this.type = type;
    this.position = position;
  }

  /** The value for the current context: null (SSIS NULL) or an instance of type's Java class. */
  abstract Object evaluate(EvaluationContext context);

  /** Whether the node is a literal or NULL(...) whose value never changes. */
  boolean isConstant() {
    return false;
  }
}
