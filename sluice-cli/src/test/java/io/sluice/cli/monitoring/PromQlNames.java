package io.sluice.cli.monitoring;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. Not a parser: it removes what is not a metric name
 * (strings, label matchers, ranges and subquery steps, the label lists of by/without/on/ignoring/
 * group_left/group_right), and what remains is an identifier that is a function (followed by a
 * parenthesis), a keyword, or a metric name.
 */
final class PromQlNames {

  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "inf",
          "nan",
          "atan2");

  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.$:])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\\w:])(?!\\s*\\()");

  private PromQlNames() {}

  static Set<String> of(String expression) {
    String s = expression;
    s = s.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ");
    s = s.replaceAll("'(?:[^'\\\\]|\\\\.)*'", " ");
    s = s.replaceAll("`[^`]*`", " ");
    s = s.replaceAll("\\{[^}]*}", " ");
    s = s.replaceAll("\\[[^]]*]", " ");
    // A grouping goes whole, so "sum by (x) (" reads as the function call "sum (" it is.
    s = s.replaceAll("(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(s);
    while (m.find()) {
      if (!KEYWORDS.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
        names.add(m.group(1));
      }
    }
    return names;
  }
}
