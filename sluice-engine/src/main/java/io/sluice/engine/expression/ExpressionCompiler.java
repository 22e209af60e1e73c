package io.sluice.engine.expression;

import io.sluice.engine.expression.SsisExpressionParser.BinaryContext;
import io.sluice.engine.expression.SsisExpressionParser.CastContext;
import io.sluice.engine.expression.SsisExpressionParser.ColumnContext;
import io.sluice.engine.expression.SsisExpressionParser.ColumnNameContext;
import io.sluice.engine.expression.SsisExpressionParser.ConditionalContext;
import io.sluice.engine.expression.SsisExpressionParser.FunctionCallContext;
import io.sluice.engine.expression.SsisExpressionParser.LiteralValueContext;
import io.sluice.engine.expression.SsisExpressionParser.ParenthesizedContext;
import io.sluice.engine.expression.SsisExpressionParser.TypedNullContext;
import io.sluice.engine.expression.SsisExpressionParser.UnaryContext;
import io.sluice.engine.expression.SsisExpressionParser.VariableContext;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.ValueConverter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Parses expression text and builds the typed node tree, checking types as SSIS does. */
final class ExpressionCompiler extends SsisExpressionBaseVisitor<Node> {

  private final String text;
  private final ExpressionScope scope;
  private final Set<Reference> references = new LinkedHashSet<>();
  private final Operators operators;

  private ExpressionCompiler(String text, ExpressionScope scope) {
    this.text = text;
    this.scope = scope;
    this.operators = new Operators(this::error);
  }

  /** The compiled tree and the names it uses. */
  record Result(Node root, List<Reference> references) {}

  static Result compile(String text, ExpressionScope scope) {
    if (text == null || text.isBlank()) {
      throw new ExpressionException("There was no expression to compute", String.valueOf(text), 1);
    }
    SyntaxErrors errors = new SyntaxErrors(text);
    SsisExpressionLexer lexer = new SsisExpressionLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    SsisExpressionParser parser = new SsisExpressionParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
    SsisExpressionParser.ParseContext tree = parser.parse();
    ExpressionCompiler compiler = new ExpressionCompiler(text, scope);
    Node root = compiler.visit(tree.expression());
    return new Result(root, List.copyOf(compiler.references));
  }

  ExpressionException error(int position, String reason) {
    return new ExpressionException(reason, text, position);
  }

  private static int position(Token token) {
    return token.getStartIndex() + 1;
  }

  private String source(ParserRuleContext context) {
    return text.substring(context.getStart().getStartIndex(), context.getStop().getStopIndex() + 1);
  }

  @Override
  public Node visitParenthesized(ParenthesizedContext ctx) {
    return visit(ctx.expression());
  }

  @Override
  public Node visitLiteralValue(LiteralValueContext ctx) {
    Token token = ctx.literal().getStart();
    int position = position(token);
    String value = token.getText();
    return switch (token.getType()) {
      case SsisExpressionLexer.INTEGER, SsisExpressionLexer.HEX_INTEGER ->
          Literals.integer(value, position, this::error);
      case SsisExpressionLexer.DECIMAL -> Literals.decimal(value, position, this::error);
      case SsisExpressionLexer.REAL -> Literals.real(value, position);
      case SsisExpressionLexer.STRING -> Literals.string(value, position, this::error);
      case SsisExpressionLexer.TRUE -> new ConstantNode(DataType.BOOL, true, position);
      default -> new ConstantNode(DataType.BOOL, false, position);
    };
  }

  @Override
  public Node visitVariable(VariableContext ctx) {
    Reference reference = Reference.ofToken(ctx.VARIABLE().getText());
    String name = reference.qualifiedName();
    String notFound =
        reference.kind() == Reference.Kind.PARAMETER
            ? "The parameter \""
                + name
                + "\" was not found. It might not exist in this project"
                + " or package"
            : "The variable \""
                + name
                + "\" was not found in the Variables collection. The variable might not exist in"
                + " the correct scope";
    return bind(reference, position(ctx.getStart()), notFound);
  }

  @Override
  public Node visitColumn(ColumnContext ctx) {
    List<String> parts = new ArrayList<>();
    for (ColumnNameContext part : ctx.columnName()) {
      String raw = part.getText();
      parts.add(raw.startsWith("[") ? raw.substring(1, raw.length() - 1) : raw);
    }
    String name = String.join(".", parts);
    return bind(
        Reference.column(name),
        position(ctx.getStart()),
        "The expression contains unrecognized token \""
            + name
            + "\". If \""
            + name
            + "\" is a variable, it should be expressed as \"@"
            + name
            + "\"");
  }

  private Node bind(Reference reference, int position, String notFound) {
    Optional<Binding> binding;
    try {
      binding = scope.resolve(reference);
    } catch (IllegalArgumentException e) {
      throw error(position, e.getMessage());
    }
    references.add(reference);
    return new SlotNode(reference, binding.orElseThrow(() -> error(position, notFound)), position);
  }

  @Override
  public Node visitTypedNull(TypedNullContext ctx) {
    int position = position(ctx.getStart());
    if (!ctx.IDENT().getText().equalsIgnoreCase("NULL")) {
      throw error(
          position,
          "The function \"" + ctx.IDENT().getText() + "\" does not take a data type parameter");
    }
    return new ConstantNode(TypeSpecs.parse(ctx.typeSpec(), this::error), null, position);
  }

  @Override
  public Node visitFunctionCall(FunctionCallContext ctx) {
    List<Node> arguments = new ArrayList<>();
    ctx.expression().forEach(argument -> arguments.add(visit(argument)));
    Call call = new Call(ctx.IDENT().getText(), arguments, position(ctx.getStart()), this::error);
    return Functions.compile(call);
  }

  @Override
  public Node visitCast(CastContext ctx) {
    DataType target = TypeSpecs.parse(ctx.typeSpec(), this::error);
    Node operand = visit(ctx.expression());
    if (!ValueConverter.canConvert(operand.type.kind(), target.kind())) {
      throw error(
          position(ctx.getStart()),
          "Cannot cast expression \""
              + source(ctx.expression())
              + "\" from data type \""
              + operand.type.name()
              + "\" to data type \""
              + target.name()
              + "\". The requested cast is not supported");
    }
    return new CastNode(operand, target, position(ctx.getStart()));
  }

  @Override
  public Node visitUnary(UnaryContext ctx) {
    return operators.unary(ctx.op.getText(), visit(ctx.expression()), position(ctx.op));
  }

  @Override
  public Node visitBinary(BinaryContext ctx) {
    Node left = visit(ctx.expression(0));
    Node right = visit(ctx.expression(1));
    return operators.binary(ctx.op.getText(), left, right, position(ctx.op));
  }

  @Override
  public Node visitConditional(ConditionalContext ctx) {
    Node condition = visit(ctx.expression(0));
    if (condition.type.kind() != DataType.Kind.DT_BOOL) {
      throw error(
          condition.position,
          "The conditional expression \""
              + source(ctx.expression(0))
              + "\" of the conditional operator has an invalid data type of \""
              + condition.type.name()
              + "\". It must return a Boolean, which is type DT_BOOL");
    }
    return operators.conditional(
        condition,
        visit(ctx.expression(1)),
        visit(ctx.expression(2)),
        position(ctx.QUESTION().getSymbol()));
  }
}
