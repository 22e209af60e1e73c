package io.sluice.engine.runtime.expression;

import io.sluice.engine.runtime.variable.VariableException;
import io.sluice.engine.runtime.variable.Variables;

/**
 * An assignment as the For Loop and the Expression task write it: {@code @[User::Counter]
 * = @[User::Counter] + 1} (also {@code @Counter = ...}). The expression language itself has no
 * assignment, so the target is split off here and only the right-hand side is compiled.
 */
public record Assignment(String variable, CompiledExpression value) {

  /** Compiles an assignment; throws {@link ExpressionError} when it is not one. */
  public static Assignment compile(String text, ExpressionService expressions, Variables scope) {
    int equals = assignmentOperator(text);
    if (equals < 0) {
      throw new ExpressionError(
          text, 0, "expected an assignment like @[User::Name] = expression", null);
    }
    String target = text.substring(0, equals).trim();
    String name;
    if (target.startsWith("@[") && target.endsWith("]")) {
      name = target.substring(2, target.length() - 1);
    } else if (target.startsWith("@") && target.length() > 1) {
      name = target.substring(1);
    } else {
      throw new ExpressionError(
          text, 1, "the left side of '=' must be a variable such as @[User::Name]", null);
    }
    try {
      var variable = scope.require(name);
      if (variable.readOnly()) {
        throw new ExpressionError(
            text, 1, "variable " + variable.qualifiedName() + " is read-only", null);
      }
      name = variable.qualifiedName();
    } catch (VariableException e) {
      throw new ExpressionError(text, 1, e.getMessage(), e);
    }
    CompiledExpression value = expressions.compile(text.substring(equals + 1).trim(), scope);
    return new Assignment(name, value);
  }

  /** Evaluates the right-hand side and stores it; returns the value stored. */
  public Object execute(Variables scope) {
    Object result = value.evaluate(scope);
    scope.set(variable, result);
    return result;
  }

  /** The index of the single '=' that is not part of ==, !=, <= or >=, outside quotes. */
  private static int assignmentOperator(String text) {
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (quoted || c != '=') {
        continue;
      }
      char before = i > 0 ? text.charAt(i - 1) : ' ';
      char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
      if (after == '=') {
        i++;
        continue;
      }
      if (before != '=' && before != '!' && before != '<' && before != '>') {
        return i;
      }
    }
    return -1;
  }
}
