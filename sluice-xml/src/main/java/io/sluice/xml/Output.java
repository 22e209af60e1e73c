package io.sluice.xml;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** An operation's result: bytes for a file, in the charset that decodes them for a variable. */
record Output(byte[] bytes, Charset charset) {

  static Output text(String text) {
    return new Output(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  String string() {
    return new String(bytes, charset);
  }
}
