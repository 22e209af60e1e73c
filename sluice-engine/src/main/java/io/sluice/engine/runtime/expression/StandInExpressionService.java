package io.sluice.engine.runtime.expression;

import io.sluice.engine.runtime.variable.VariableException;
import io.sluice.engine.runtime.variable.Variables;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.function.Function;

/**
 * A deliberately small stand-in for the SSIS expression language, used until the real one (branch
 * {@code expr}) is wired behind {@link ExpressionService}: literals (numbers, "strings", TRUE,
 * FALSE), variables and parameters ({@code @[User::X]}, {@code @X}), parentheses, unary {@code -
 * !}, {@code * / % + -}, comparisons, {@code == !=}, {@code && ||} and {@code ?:}. String {@code +}
 * concatenates. Types are checked at run time only.
 */
final class StandInExpressionService implements ExpressionService {

  @Override
  public CompiledExpression compile(String text, Variables scope) {
    Parser parser = new Parser(text, scope);
    Function<Variables, Object> tree = parser.parse();
    return new CompiledExpression() {
      @Override
      public String text() {
        return text;
      }

      @Override
      public Object evaluate(Variables variables) {
        try {
          return tree.apply(variables);
        } catch (ArithmeticException | ClassCastException | VariableException e) {
          throw new ExpressionError(text, 0, e.getMessage(), e);
        }
      }

      @Override
      public String toString() {
        return text;
      }
    };
  }

  /** Recursive descent, one method per precedence level, building closures. */
  private static final class Parser {
    private final String text;
    private final Variables scope;
    private int pos;

    Parser(String text, Variables scope) {
      this.text = text;
      this.scope = scope;
    }

    Function<Variables, Object> parse() {
      Function<Variables, Object> e = conditional();
      skipSpace();
      if (pos < text.length()) {
        throw error("unexpected '" + text.charAt(pos) + "'");
      }
      return e;
    }

    private Function<Variables, Object> conditional() {
      Function<Variables, Object> condition = binary(0);
      if (accept("?")) {
        Function<Variables, Object> yes = conditional();
        expect(":");
        Function<Variables, Object> no = conditional();
        return v -> bool(condition.apply(v)) ? yes.apply(v) : no.apply(v);
      }
      return condition;
    }

    private static final String[][] LEVELS = {
      {"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}
    };

    private Function<Variables, Object> binary(int level) {
      if (level == LEVELS.length) {
        return unary();
      }
      Function<Variables, Object> left = binary(level + 1);
      while (true) {
        String op = null;
        for (String candidate : LEVELS[level]) {
          if (peek(candidate) && !peek(candidate + "=") && !(candidate.equals("<") && peek("<="))) {
            op = candidate;
            break;
          }
        }
        if (op == null) {
          return left;
        }
        pos = text.indexOf(op, pos) + op.length();
        Function<Variables, Object> right = binary(level + 1);
        Function<Variables, Object> l = left;
        String o = op;
        left = v -> apply(o, l.apply(v), right.apply(v));
      }
    }

    private Function<Variables, Object> unary() {
      if (accept("!")) {
        Function<Variables, Object> operand = unary();
        return v -> !bool(operand.apply(v));
      }
      if (accept("-")) {
        Function<Variables, Object> operand = unary();
        return v -> number(operand.apply(v)).negate();
      }
      return primary();
    }

    private Function<Variables, Object> primary() {
      skipSpace();
      if (accept("(")) {
        Function<Variables, Object> inner = conditional();
        expect(")");
        return inner;
      }
      if (pos >= text.length()) {
        throw error("the expression ends too early");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        int end = text.indexOf('"', pos + 1);
        if (end < 0) {
          throw error("a string is not closed");
        }
        String literal = text.substring(pos + 1, end).replace("\\n", "\n").replace("\\\\", "\\");
        pos = end + 1;
        return v -> literal;
      }
      if (Character.isDigit(c)) {
        int start = pos;
        while (pos < text.length()
            && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
          pos++;
        }
        BigDecimal literal = new BigDecimal(text.substring(start, pos));
        return v -> literal;
      }
      if (c == '@') {
        return variable();
      }
      if (text.regionMatches(true, pos, "TRUE", 0, 4)) {
        pos += 4;
        return v -> Boolean.TRUE;
      }
      if (text.regionMatches(true, pos, "FALSE", 0, 5)) {
        pos += 5;
        return v -> Boolean.FALSE;
      }
      throw error("unexpected '" + c + "' (this build's expression stand-in is limited)");
    }

    private Function<Variables, Object> variable() {
      int start = pos + 1;
      String name;
      pos++;
      if (accept("[")) {
        int end = text.indexOf(']', pos);
        if (end < 0) {
          throw error("'@[' without ']'");
        }
        name = text.substring(pos, end);
        pos = end + 1;
      } else {
        int begin = pos;
        while (pos < text.length()
            && (Character.isLetterOrDigit(text.charAt(pos))
                || text.charAt(pos) == '_'
                || text.charAt(pos) == ':'
                || text.charAt(pos) == '$')) {
          pos++;
        }
        name = text.substring(begin, pos);
      }
      try {
        scope.require(name);
      } catch (VariableException e) {
        throw new ExpressionError(text, start, e.getMessage(), e);
      }
      return v -> v.get(name);
    }

    private Object apply(String op, Object a, Object b) {
      switch (op) {
        case "&&":
          return bool(a) && bool(b);
        case "||":
          return bool(a) || bool(b);
        case "==":
          return compare(a, b) == 0;
        case "!=":
          return compare(a, b) != 0;
        case "<":
          return compare(a, b) < 0;
        case ">":
          return compare(a, b) > 0;
        case "<=":
          return compare(a, b) <= 0;
        case ">=":
          return compare(a, b) >= 0;
        case "+":
          if (a instanceof String || b instanceof String) {
            return String.valueOf(a) + b;
          }
          return number(a).add(number(b));
        case "-":
          return number(a).subtract(number(b));
        case "*":
          return number(a).multiply(number(b));
        case "/":
          return number(a).divide(number(b), MathContext.DECIMAL64);
        default:
          return number(a).remainder(number(b));
      }
    }

    private static int compare(Object a, Object b) {
      if (a instanceof Number || b instanceof Number) {
        return number(a).compareTo(number(b));
      }
      if (a instanceof Comparable<?> && b != null && a.getClass() == b.getClass()) {
        @SuppressWarnings("unchecked")
        Comparable<Object> ca = (Comparable<Object>) a;
        return ca.compareTo(b);
      }
      return Objects.equals(a, b) ? 0 : 1;
    }

    private static BigDecimal number(Object o) {
      if (o instanceof BigDecimal d) {
        return d;
      }
      if (o instanceof Number n) {
        return new BigDecimal(n.toString());
      }
      throw new ClassCastException("'" + o + "' is not a number");
    }

    private static boolean bool(Object o) {
      if (o instanceof Boolean b) {
        return b;
      }
      throw new ClassCastException("'" + o + "' is not a Boolean");
    }

    private boolean peek(String s) {
      skipSpace();
      return text.startsWith(s, pos);
    }

    private boolean accept(String s) {
      if (peek(s)) {
        pos += s.length();
        return true;
      }
      return false;
    }

    private void expect(String s) {
      if (!accept(s)) {
        throw error("expected '" + s + "'");
      }
    }

    private void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private ExpressionError error(String message) {
      return new ExpressionError(text, pos + 1, message, null);
    }
  }
}
