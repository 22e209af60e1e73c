package io.sluice.engine.expression;

import io.sluice.engine.type.DataType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * A compiled SSIS expression: parsed and type-checked once by {@link #compile}, then evaluated any
 * number of times (e.g. once per data-flow row) without parsing or name lookups.
 *
 * <p>Instances are immutable and thread-safe; each evaluation reads only its context.
 */
public final class Expression {

  private final String text;
  private final Node root;
  private final List<Reference> references;

  private Expression(String text, Node root, List<Reference> references) {
    this.text = text;
    this.root = root;
    this.references = references;
  }

  /**
   * Parses and type-checks an expression, binding every name through the scope.
   *
   * @throws ExpressionException on a syntax error, an unknown name or function, or a type error
   */
  public static Expression compile(String text, ExpressionScope scope) {
    ExpressionCompiler.Result result = ExpressionCompiler.compile(text, scope);
    return new Expression(text, result.root(), result.references());
  }

  /**
   * The variables and parameters {@code text} names, in order of first use, read from its tokens
   * alone: nothing is bound or type-checked, and text that does not parse still gives the names it
   * holds. Names inside string literals are text, not references. For checks made before a run
   * exists, such as SSIS's rule on sensitive parameters when a project is validated.
   */
  public static List<Reference> referencesIn(String text) {
    if (text == null) {
      return List.of();
    }
    SsisExpressionLexer lexer = new SsisExpressionLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    Set<Reference> found = new LinkedHashSet<>();
    for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
      if (token.getType() == SsisExpressionLexer.VARIABLE) {
        found.add(Reference.ofToken(token.getText()));
      }
    }
    return List.copyOf(found);
  }

  /** The expression as written. */
  public String text() {
    return text;
  }

  /** The SSIS data type of the result, known at compile time. */
  public DataType resultType() {
    return root.type;
  }

  /** The variables, parameters and columns the expression uses, in order of first use. */
  public List<Reference> references() {
    return references;
  }

  /**
   * Evaluates the expression against the current values.
   *
   * @return null for SSIS NULL, otherwise an instance of {@code resultType().javaType()}
   * @throws ExpressionEvaluationException when an operator or function fails for these values
   */
  public Object evaluate(EvaluationContext context) {
    try {
      return root.evaluate(context);
    } catch (EvaluationFailure failure) {
      throw new ExpressionEvaluationException(
          failure.getMessage(), failure.operation, text, failure.position);
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
