package io.sluice.http;

import java.util.Arrays;
import java.util.List;

/** How an http connection proves who calls. */
enum Authentication {
  NONE("none"),
  BASIC("basic"),
  BEARER("bearer"),
  HEADER("header");

  static final List<String> NAMES = Arrays.stream(values()).map(a -> a.word).toList();

  final String word;

  Authentication(String word) {
    this.word = word;
  }

  static Authentication of(String word) {
    return Arrays.stream(values()).filter(a -> a.word.equals(word)).findFirst().orElse(null);
  }
}
