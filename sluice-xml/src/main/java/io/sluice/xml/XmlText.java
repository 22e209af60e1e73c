package io.sluice.xml;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.xml.sax.InputSource;

/**
 * An operand's XML (or XPath) text as read, with the words that name it in messages. A file stays
 * bytes so its XML declaration's encoding is honoured; a variable or direct input is a string.
 */
record XmlText(String what, String text, byte[] bytes, Path file) {

  static XmlText of(String what, String text) {
    return new XmlText(what, text, null, null);
  }

  static XmlText of(String what, byte[] bytes, Path file) {
    return new XmlText(what, null, bytes, file);
  }

  /** A fresh input for a parser; its system id is the file's (for relative xs:include). */
  InputSource input() {
    InputSource in =
        bytes != null
            ? new InputSource(new ByteArrayInputStream(bytes))
            : new InputSource(new StringReader(text));
    if (file != null) {
      in.setSystemId(file.toUri().toString());
    }
    return in;
  }

  /** The text as a string: an XPath or a merge location. */
  String string() {
    return text != null ? text : new String(bytes, StandardCharsets.UTF_8).strip();
  }
}
