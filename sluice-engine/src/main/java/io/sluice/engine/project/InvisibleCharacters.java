package io.sluice.engine.project;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Characters a name must not hold because they do not show as themselves: control characters
 * (Unicode category Cc), invisible format characters (Cf: zero-width spaces and joiners, the byte
 * order mark, soft hyphens, and the bidirectional controls that reorder the text after them, so
 * that {@code evil\u202Etxt.exe} shows as {@code evilexe.txt}), line and paragraph separators, and
 * unpaired halves of surrogate pairs. Names are shown in terminals, logs, JSON and web pages that
 * obey such characters, where a name holding one can pass for another name or hide what it is.
 *
 * <p>All of Cf is refused, not only the bidirectional controls: a zero-width space makes "main" and
 * "ma\u200Bin" two names that look the same. Costs a few legitimate uses (a zero-width non-joiner
 * inside a Persian word, a joiner inside an emoji sequence); names are identifiers, not prose.
 */
public final class InvisibleCharacters {

  private InvisibleCharacters() {}

  /** The first such character of {@code text}, as a code point; empty if it has none. */
  public static OptionalInt first(String text) {
    if (text == null) {
      return OptionalInt.empty();
    }
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (isInvisible(cp)) {
        return OptionalInt.of(cp);
      }
      i += Character.charCount(cp);
    }
    return OptionalInt.empty();
  }

  /** Whether {@code codePoint} does not show as itself (see the class comment). */
  public static boolean isInvisible(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE ->
          true;
      default -> false;
    };
  }

  /**
   * Whether {@code codePoint} is a bidirectional control: it changes the order in which the text
   * around it is shown (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069).
   */
  public static boolean reordersText(int codePoint) {
    return codePoint == 0x061C
        || codePoint == 0x200E
        || codePoint == 0x200F
        || (codePoint >= 0x202A && codePoint <= 0x202E)
        || (codePoint >= 0x2066 && codePoint <= 0x2069);
  }

  /** The code point and its Unicode name: {@code U+202E RIGHT-TO-LEFT OVERRIDE}. */
  public static String describe(int codePoint) {
    String name = Character.getName(codePoint);
    return code(codePoint) + (name == null ? "" : " " + name);
  }

  /**
   * {@code text} with each such character written as {@code <U+202E>}, so that messages and
   * listings show what is there instead of obeying it.
   */
  public static String visible(String text) {
    if (text == null || first(text).isEmpty()) {
      return text;
    }
    StringBuilder shown = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            cp -> {
              if (isInvisible(cp)) {
                shown.append('<').append(code(cp)).append('>');
              } else {
                shown.appendCodePoint(cp);
              }
            });
    return shown.toString();
  }

  /**
   * The problem with {@code text} if it holds such a character, said for {@code what}, e.g. "folder
   * name": {@code folder name 'evil<U+202E>txt.exe' contains U+202E RIGHT-TO-LEFT OVERRIDE, an
   * invisible character that changes how the name is shown}.
   */
  public static Optional<String> problem(String what, String text) {
    OptionalInt found = first(text);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    int cp = found.getAsInt();
    return Optional.of(
        what
            + " '"
            + visible(text)
            + "' contains "
            + describe(cp)
            + ", "
            + (reordersText(cp)
                ? "an invisible character that changes how the name is shown"
                : Character.getType(cp) == Character.CONTROL
                    ? "a control character"
                    : "an invisible character that lets the name pass for another"));
  }

  private static String code(int codePoint) {
    return "U+" + String.format(Locale.ROOT, "%04X", codePoint);
  }
}
