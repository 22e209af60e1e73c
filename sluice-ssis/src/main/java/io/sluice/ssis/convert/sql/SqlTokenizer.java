package io.sluice.ssis.convert.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits T-SQL text into tokens without losing a character: the tokens' texts joined give the text
 * back exactly. It knows what must never be rewritten (string literals {@code 'it''s'} and {@code
 * N'...'}, comments {@code --} and {@code /* *\/}, which T-SQL nests) and how names are quoted
 * ({@code [name]} with {@code ]]}, {@code "name"} with {@code ""}), so that a rewrite that looks at
 * words never touches the inside of a string or a comment. Unterminated strings and comments run to
 * the end of the text, as SQL Server would read them.
 */
public final class SqlTokenizer {

  /** What a token is. */
  public enum Kind {
    /** A keyword or plain name, a {@code @variable}, {@code @@FUNCTION} or {@code #temp}. */
    WORD,
    /** {@code [name]}. */
    BRACKETED,
    /** {@code "name"}. */
    QUOTED,
    /** {@code 'text'} or {@code N'text'}. */
    STRING,
    NUMBER,
    /** {@code -- ...} to the end of the line, or {@code /* ... *\/}. */
    COMMENT,
    WHITESPACE,
    /** Any other single character: {@code ( ) , ; . + ? =} ... */
    SYMBOL
  }

  /**
   * One token.
   *
   * @param start offset of its first character in the text
   * @param line 1-based line of its first character
   */
  public record Token(Kind kind, String text, int start, int line) {

    /** Whether it is the word {@code word}, in any case. */
    public boolean is(String word) {
      return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    public boolean isSymbol(char c) {
      return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == c;
    }

    /** Neither whitespace nor a comment. */
    public boolean significant() {
      return kind != Kind.WHITESPACE && kind != Kind.COMMENT;
    }

    public String upper() {
      return text.toUpperCase(Locale.ROOT);
    }
  }

  private SqlTokenizer() {}

  public static List<Token> tokenize(String sql) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int line = 1;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int start = i;
      Kind kind;
      if (Character.isWhitespace(c)) {
        while (i < n && Character.isWhitespace(sql.charAt(i))) {
          i++;
        }
        kind = Kind.WHITESPACE;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
          i++;
        }
        kind = Kind.COMMENT;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        i = blockCommentEnd(sql, i);
        kind = Kind.COMMENT;
      } else if (c == '\'' || ((c == 'N' || c == 'n') && i + 1 < n && sql.charAt(i + 1) == '\'')) {
        i = quotedEnd(sql, c == '\'' ? i : i + 1, '\'');
        kind = Kind.STRING;
      } else if (c == '"') {
        i = quotedEnd(sql, i, '"');
        kind = Kind.QUOTED;
      } else if (c == '[') {
        i = quotedEnd(sql, i, ']');
        kind = Kind.BRACKETED;
      } else if (Character.isDigit(c)
          || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
        i = numberEnd(sql, i);
        kind = Kind.NUMBER;
      } else if (wordStart(c)) {
        i++;
        while (i < n && wordPart(sql.charAt(i))) {
          i++;
        }
        kind = Kind.WORD;
      } else {
        i++;
        kind = Kind.SYMBOL;
      }
      String text = sql.substring(start, i);
      tokens.add(new Token(kind, text, start, line));
      line += lineBreaks(text);
    }
    return tokens;
  }

  /** T-SQL block comments nest: {@code /* a /* b *\/ c *\/} is one comment. */
  private static int blockCommentEnd(String sql, int i) {
    int depth = 0;
    int n = sql.length();
    while (i < n) {
      if (sql.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (sql.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return n;
  }

  /** From an opening quote at {@code i} past its closing one; a doubled closing quote is data. */
  private static int quotedEnd(String sql, int i, char close) {
    int n = sql.length();
    i++;
    while (i < n) {
      if (sql.charAt(i) == close) {
        if (i + 1 < n && sql.charAt(i + 1) == close) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return n;
  }

  private static int numberEnd(String sql, int i) {
    int n = sql.length();
    if (sql.startsWith("0x", i) || sql.startsWith("0X", i)) {
      i += 2;
      while (i < n && Character.digit(sql.charAt(i), 16) >= 0) {
        i++;
      }
      return i;
    }
    while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
      i++;
    }
    if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
      int j = i + 1;
      if (j < n && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) {
        j++;
      }
      if (j < n && Character.isDigit(sql.charAt(j))) {
        i = j;
        while (i < n && Character.isDigit(sql.charAt(i))) {
          i++;
        }
      }
    }
    return i;
  }

  private static boolean wordStart(char c) {
    return Character.isLetter(c) || c == '_' || c == '@' || c == '#';
  }

  private static boolean wordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '#' || c == '$';
  }

  private static int lineBreaks(String text) {
    int lines = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        lines++;
      }
    }
    return lines;
  }
}
