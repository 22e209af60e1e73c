package io.sluice.engine.project;

import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Says what a user probably meant when a name is unknown: the closest known one, and the list.
 * Public for the data-flow structure check, which reports component settings the same way.
 */
public final class Suggestions {

  private Suggestions() {}

  /**
   * A message such as {@code unknown key 'statment' in an ExecuteSql task; did you mean
   * 'statement'? known keys: connection, file, ...}, the known names sorted.
   */
  public static String unknown(
      String kind, String written, String where, Collection<String> known) {
    StringBuilder message = new StringBuilder("unknown ").append(kind).append(" '").append(written);
    message.append("'");
    if (where != null) {
      message.append(" in ").append(where);
    }
    if (known.isEmpty()) {
      return message
          .append("; there are no ")
          .append(plural(kind))
          .append(" to choose from")
          .toString();
    }
    String closest = closest(written, known);
    if (closest != null) {
      message.append("; did you mean '").append(closest).append("'?");
    }
    message
        .append(closest == null ? "; known " : " Known ")
        .append(plural(kind))
        .append(": ")
        .append(String.join(", ", new TreeSet<>(known)));
    return message.toString();
  }

  private static String plural(String kind) {
    boolean consonantY = kind.matches(".*[^aeiou]y");
    return consonantY ? kind.substring(0, kind.length() - 1) + "ies" : kind + "s";
  }

  /**
   * The known name nearest to {@code written} by edit distance, if near enough to be a typo; else
   * one that holds every letter of {@code written} in order (ExecSql for ExecuteSql); else the one
   * sharing the longest beginning of six letters or more (maxTasks for maxTaskCount); else null.
   */
  public static String closest(String written, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String w = written.toLowerCase(Locale.ROOT);
    for (String candidate : new TreeSet<>(known)) {
      int d = distance(w, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    int length = written.length();
    int tolerated = length <= 2 ? 0 : length == 3 ? 1 : Math.max(2, length / 3);
    if (bestDistance <= tolerated) {
      return best;
    }
    if (length >= 4) {
      for (String candidate : new TreeSet<>(known)) {
        if (isSubsequence(w, candidate.toLowerCase(Locale.ROOT))) {
          return candidate;
        }
      }
    }
    String longest = null;
    int longestPrefix = 5;
    for (String candidate : new TreeSet<>(known)) {
      int prefix = commonPrefix(w, candidate.toLowerCase(Locale.ROOT));
      if (prefix > longestPrefix) {
        longest = candidate;
        longestPrefix = prefix;
      }
    }
    return longest;
  }

  private static int commonPrefix(String a, String b) {
    int n = 0;
    while (n < Math.min(a.length(), b.length()) && a.charAt(n) == b.charAt(n)) {
      n++;
    }
    return n;
  }

  private static boolean isSubsequence(String letters, String within) {
    int at = 0;
    for (int i = 0; i < within.length() && at < letters.length(); i++) {
      if (within.charAt(i) == letters.charAt(at)) {
        at++;
      }
    }
    return at == letters.length();
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
