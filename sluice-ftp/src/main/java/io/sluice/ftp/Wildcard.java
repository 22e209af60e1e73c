package io.sluice.ftp;

import java.util.regex.Pattern;

/** A file name pattern as SSIS's FTP task takes it: {@code *} any run, {@code ?} one character. */
final class Wildcard {

  private final String text;
  private final Pattern pattern;

  Wildcard(String text) {
    this.text = text;
    StringBuilder regex = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    this.pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  boolean isPattern() {
    return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
  }

  boolean matches(String name) {
    return pattern.matcher(name).matches();
  }
}
