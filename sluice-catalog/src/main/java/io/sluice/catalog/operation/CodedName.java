package io.sluice.catalog.operation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An SSIS code with its name ({@code 7 succeeded}, {@code 101 deploy}): how operation statuses and
 * types are stored (the code), shown (both) and typed by users (either).
 */
public interface CodedName {

  int code();

  String label();

  /** Code and name: {@code 7 succeeded}. */
  default String display() {
    return code() + " " + label();
  }

  /** The value whose code or name (any case; '-' or '_' for spaces) is {@code text}. */
  static <T extends CodedName> Optional<T> parse(T[] values, String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    return Arrays.stream(values)
        .filter(v -> v.label().equals(wanted) || String.valueOf(v.code()).equals(wanted))
        .findFirst();
  }

  static <T extends CodedName> Optional<T> byCode(T[] values, int code) {
    return Arrays.stream(values).filter(v -> v.code() == code).findFirst();
  }

  /** How a stored code reads, tolerating codes this version does not know. */
  static <T extends CodedName> String display(T[] values, int code) {
    return byCode(values, code).map(CodedName::display).orElse(String.valueOf(code));
  }
}
