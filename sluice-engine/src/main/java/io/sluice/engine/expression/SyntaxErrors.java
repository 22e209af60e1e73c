package io.sluice.engine.expression;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** Turns the first ANTLR syntax error into an {@link ExpressionException} with its position. */
final class SyntaxErrors extends BaseErrorListener {

  private final String text;

  SyntaxErrors(String text) {
    this.text = text;
  }

  @Override
  public void syntaxError(
      Recognizer<?, ?> recognizer,
      Object offendingSymbol,
      int line,
      int charPositionInLine,
      String msg,
      RecognitionException e) {
    if (offendingSymbol instanceof Token token) {
      if (token.getType() == Token.EOF) {
        throw new ExpressionException(
            "The expression ended unexpectedly; it may be missing an operand or a parenthesis",
            text,
            text.length() + 1);
      }
      throw new ExpressionException(
          "The token \"" + token.getText() + "\" was not expected",
          text,
          token.getStartIndex() + 1);
    }
    int position = offset(line, charPositionInLine) + 1;
    throw new ExpressionException("The expression cannot be parsed here", text, position);
  }

  /** 0-based offset of a 1-based line and 0-based column. */
  private int offset(int line, int column) {
    int offset = 0;
    for (int current = 1; current < line && offset < text.length(); offset++) {
      if (text.charAt(offset) == '\n') {
        current++;
      }
    }
    return offset + column;
  }
}
