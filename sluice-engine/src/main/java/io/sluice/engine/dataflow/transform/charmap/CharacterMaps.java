package io.sluice.engine.dataflow.transform.charmap;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The character mappings themselves, per UTF-16 unit or code point. Width: ASCII and the space to
 * the fullwidth forms (U+FF01..FF5E, U+3000) and back, the fullwidth currency and sign forms, and
 * halfwidth katakana (U+FF61..FF9F) to katakana and back, a voiced katakana to its halfwidth letter
 * plus the halfwidth voiced mark (the Unicode compatibility mappings, read from the JDK's NFKC).
 * Kana: hiragana U+3041..3096 and the iteration marks to the katakana 0x60 above and back.
 */
final class CharacterMaps {

  private CharacterMaps() {}

  private static final char[][] SIGNS = {
    {'\u00A2', '\uFFE0'},
    {'\u00A3', '\uFFE1'},
    {'\u00AC', '\uFFE2'},
    {'\u00AF', '\uFFE3'},
    {'\u00A6', '\uFFE4'},
    {'\u00A5', '\uFFE5'},
    {'\u20A9', '\uFFE6'}
  };

  /** Katakana (U+30xx) to its halfwidth form, from the compatibility mappings of U+FF61..FF9F. */
  private static final Map<Character, Character> KATAKANA_TO_HALF = new HashMap<>();

  /** Halfwidth katakana and signs to their fullwidth form. */
  private static final Map<Character, Character> HALF_TO_KATAKANA = new HashMap<>();

  static {
    for (char c = '\uFF61'; c <= '\uFF9F'; c++) {
      String full = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
      if (full.length() == 1) {
        KATAKANA_TO_HALF.putIfAbsent(full.charAt(0), c);
        HALF_TO_KATAKANA.put(c, full.charAt(0));
      }
    }
    // alone, the halfwidth voiced marks widen to the spacing marks, not the combining ones
    HALF_TO_KATAKANA.put('\uFF9E', '\u309B');
    HALF_TO_KATAKANA.put('\uFF9F', '\u309C');
    KATAKANA_TO_HALF.put('\u309B', '\uFF9E');
    KATAKANA_TO_HALF.put('\u309C', '\uFF9F');
    KATAKANA_TO_HALF.put('\u3099', '\uFF9E');
    KATAKANA_TO_HALF.put('\u309A', '\uFF9F');
  }

  static String apply(String value, Set<Operation> operations) {
    String v = value;
    if (operations.contains(Operation.HALF_WIDTH)) {
      v = halfWidth(v);
    }
    if (operations.contains(Operation.FULL_WIDTH)) {
      v = fullWidth(v);
    }
    if (operations.contains(Operation.HIRAGANA)) {
      v = kana(v, '\u30A1', '\u30F6', -0x60);
    }
    if (operations.contains(Operation.KATAKANA)) {
      v = kana(v, '\u3041', '\u3096', 0x60);
    }
    if (operations.contains(Operation.LOWERCASE)) {
      v = simpleCase(v, false);
    }
    if (operations.contains(Operation.UPPERCASE)) {
      v = simpleCase(v, true);
    }
    if (operations.contains(Operation.BYTE_REVERSAL)) {
      v = byteReversal(v);
    }
    return v;
  }

  /** Unicode simple case mapping, code point by code point: the length never changes. */
  static String simpleCase(String v, boolean upper) {
    StringBuilder out = new StringBuilder(v.length());
    v.codePoints()
        .forEach(
            cp ->
                out.appendCodePoint(upper ? Character.toUpperCase(cp) : Character.toLowerCase(cp)));
    return out.toString();
  }

  static String byteReversal(String v) {
    char[] chars = v.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.reverseBytes(chars[i]);
    }
    return new String(chars);
  }

  static String kana(String v, char first, char last, int shift) {
    char[] chars = v.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= first && c <= last) {
        chars[i] = (char) (c + shift);
      } else if (shift > 0 && (c == '\u309D' || c == '\u309E')) {
        chars[i] = (char) (c + 0x60); // ゝゞ -> ヽヾ
      } else if (shift < 0 && (c == '\u30FD' || c == '\u30FE')) {
        chars[i] = (char) (c - 0x60);
      }
    }
    return new String(chars);
  }

  static String fullWidth(String v) {
    StringBuilder out = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c >= '\u0021' && c <= '\u007E') {
        out.append((char) (c - 0x21 + 0xFF01));
      } else if (c == ' ') {
        out.append('\u3000');
      } else if (c >= '\uFF61' && c <= '\uFF9F') {
        // a halfwidth letter and a following voiced mark become one voiced katakana
        if (i + 1 < v.length() && (v.charAt(i + 1) == '\uFF9E' || v.charAt(i + 1) == '\uFF9F')) {
          String pair = Normalizer.normalize(v.substring(i, i + 2), Normalizer.Form.NFKC);
          if (pair.length() == 1) {
            out.append(pair);
            i++;
            continue;
          }
        }
        out.append(HALF_TO_KATAKANA.getOrDefault(c, c));
      } else {
        out.append(sign(c, 0, 1));
      }
    }
    return out.toString();
  }

  static String halfWidth(String v) {
    StringBuilder out = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c >= '\uFF01' && c <= '\uFF5E') {
        out.append((char) (c - 0xFF01 + 0x21));
      } else if (c == '\u3000') {
        out.append(' ');
      } else if (KATAKANA_TO_HALF.containsKey(c)) {
        out.append(KATAKANA_TO_HALF.get(c));
      } else if (c >= '\u30A0' && c <= '\u30FF') {
        // a voiced katakana: its base letter's halfwidth form and the halfwidth voiced mark
        String parts = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        if (parts.length() == 2 && KATAKANA_TO_HALF.containsKey(parts.charAt(0))) {
          out.append(KATAKANA_TO_HALF.get(parts.charAt(0)))
              .append(KATAKANA_TO_HALF.get(parts.charAt(1)));
        } else {
          out.append(c);
        }
      } else {
        out.append(sign(c, 1, 0));
      }
    }
    return out.toString();
  }

  private static char sign(char c, int from, int to) {
    for (char[] pair : SIGNS) {
      if (pair[from] == c) {
        return pair[to];
      }
    }
    return c;
  }
}
