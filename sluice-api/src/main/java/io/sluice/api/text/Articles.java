package io.sluice.api.text;

import java.util.List;
import java.util.Locale;

/**
 * "a" or "an" before a type name in a message: {@code an Ftp task}, {@code a DataFlow task}, {@code
 * an ExcelSource component}, {@code a UnionAll}. Messages name types the user wrote (and plugins
 * add), so the article is chosen by how the name is said, not written once in the message.
 */
public final class Articles {

  /** Names said letter by letter, whose first letter sounds like a vowel: an FTP, an SMTP. */
  private static final List<String> SPELLED =
      List.of("ftp", "sftp", "smtp", "http", "xml", "xsd", "xslt", "html", "ssis", "mssql", "lsn");

  /** Vowel letters said with a consonant sound: a UnionAll, a User variable, a one-off. */
  private static final List<String> CONSONANT_SOUND =
      List.of("uni", "use", "usu", "uti", "eu", "one", "once");

  private Articles() {}

  /** {@code word} with "a " or "an " before it. */
  public static String a(String word) {
    return article(word) + " " + word;
  }

  /** "a" or "an" for {@code word}. */
  public static String article(String word) {
    String w = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
    if (w.isEmpty()) {
      return "a";
    }
    for (String s : SPELLED) {
      if (w.startsWith(s)) {
        return "an";
      }
    }
    for (String s : CONSONANT_SOUND) {
      if (w.startsWith(s)) {
        return "a";
      }
    }
    return "aeiou".indexOf(w.charAt(0)) >= 0 ? "an" : "a";
  }
}
