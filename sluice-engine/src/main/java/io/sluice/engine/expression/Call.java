package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;
import io.sluice.engine.type.DataType.Kind;
import java.util.List;

/** A function call being compiled: its arguments, and the checks SSIS applies to them. */
final class Call {

  /** Builds a compile error located in the expression. */
  @FunctionalInterface
  interface Errors {
    ExpressionException at(int position, String reason);
  }

  final String name;
  final List<Node> arguments;
  final int position;
  private final Errors errors;

  Call(String name, List<Node> arguments, int position, Errors errors) {
    this.name = name;
    this.arguments = arguments;
    this.position = position;
    this.errors = errors;
  }

  ExpressionException error(String reason) {
    return errors.at(position, reason);
  }

  void expectArguments(int count) {
    if (arguments.size() != count) {
      throw error(
          "The function \""
              + name
              + "\" requires "
              + count
              + (count == 1 ? " parameter" : " parameters")
              + ", not "
              + arguments.size()
              + ".");
    }
  }

  Node argument(int index) {
    return arguments.get(index);
  }

  /** A DT_STR or DT_WSTR argument. */
  Node string(int index) {
    Node node = argument(index);
    if (!node.type.kind().isString()) {
      throw mismatch(index);
    }
    return node;
  }

  Node integer(int index) {
    Node node = argument(index);
    if (!node.type.kind().isInteger()) {
      throw mismatch(index);
    }
    return node;
  }

  Node numeric(int index) {
    Node node = argument(index);
    if (!node.type.kind().isNumeric()) {
      throw mismatch(index);
    }
    return node;
  }

  /** A date argument; strings are converted to DT_DBTIMESTAMP as SSIS does. */
  Node date(int index, boolean timeAllowed) {
    Node node = argument(index);
    Kind kind = node.type.kind();
    if (kind.isString()) {
      return new CastNode(node, DataType.DBTIMESTAMP, node.position);
    }
    if (node instanceof CastNode cast
        && cast.operand().isConstant()
        && (kind == DataType.Kind.DT_DBTIMESTAMP2 || kind == DataType.Kind.DT_DBTIMESTAMPOFFSET)) {
      // SSIS's rule for the date functions (DAY, MONTH, YEAR, DATEPART, DATEADD, DATEDIFF): "the
      // expression fails to validate when a date literal is explicitly cast to DT_DBTIMESTAMPOFFSET
      // or DT_DBTIMESTAMP2"; accepting it would let an expression pass here and fail in SSIS
      throw errors.at(
          node.position,
          "The function \""
              + name
              + "\" does not take a date literal cast to "
              + kind
              + "; cast the literal to DT_DBTIMESTAMP or DT_DBDATE instead (SSIS refuses it too).");
    }
    if (kind.isDate() || (timeAllowed && kind.isTime())) {
      return node;
    }
    throw mismatch(index);
  }

  /** The datepart argument: a string literal naming a part, checked now rather than per row. */
  DatePart datePart(int index) {
    Node node = string(index);
    if (!node.isConstant()) {
      throw error(
          "Parameter number "
              + (index + 1)
              + " of the function \""
              + name
              + "\" is not static. It must be a string literal such as \"day\".");
    }
    String text = (String) node.evaluate(null);
    return DatePart.fromName(text == null ? "" : text)
        .orElseThrow(
            () ->
                errors.at(
                    node.position,
                    "\"" + text + "\" is not a valid date part for function \"" + name + "\"."));
  }

  ExpressionException mismatch(int index) {
    return errors.at(
        argument(index).position,
        "The function \""
            + name
            + "\" does not support the data type \""
            + argument(index).type.name()
            + "\" for parameter number "
            + (index + 1)
            + " (cast it explicitly)");
  }

  /** A node that yields NULL as soon as one argument is NULL. */
  FunctionNode node(DataType type, FunctionNode.Body body) {
    return new FunctionNode(name, array(), type, true, body, position);
  }

  /** A node whose body sees NULL arguments itself (ISNULL, REPLACENULL, TOKENCOUNT...). */
  FunctionNode nodeSeeingNulls(DataType type, FunctionNode.Body body) {
    return new FunctionNode(name, array(), type, false, body, position);
  }

  /** A node over replaced arguments (e.g. converted ones). */
  FunctionNode node(DataType type, List<Node> replaced, FunctionNode.Body body) {
    return new FunctionNode(name, replaced.toArray(Node[]::new), type, true, body, position);
  }

  private Node[] array() {
    return arguments.toArray(Node[]::new);
  }

  /** The declared length of a string argument, for result types such as LEFT's. */
  static int lengthOf(Node node) {
    int length = node.type.length();
    return length > 0 ? length : DataType.MAX_WSTR_LENGTH;
  }
}
