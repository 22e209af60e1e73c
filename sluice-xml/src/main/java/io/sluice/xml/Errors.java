package io.sluice.xml;

import java.util.ArrayList;
import java.util.List;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** Parser and validator errors with their line numbers (SSIS's ValidationDetails). */
final class Errors {

  private Errors() {}

  /** "line 3, column 12: the message" (its final full stop dropped: more may follow). */
  static String at(SAXParseException e) {
    String message = String.valueOf(e.getMessage()).strip();
    if (message.endsWith(".")) {
      message = message.substring(0, message.length() - 1);
    }
    return "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + message;
  }

  /** Stops at the first error: for documents that must be well-formed. */
  static final class Throwing implements ErrorHandler {
    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) throws SAXParseException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXParseException {
      throw e;
    }
  }

  /** Collects every validation error; a fatal one (not well-formed) still stops. */
  static final class Collecting implements ErrorHandler {
    final List<SAXParseException> errors = new ArrayList<>();

    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) {
      errors.add(e);
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXParseException {
      throw e;
    }
  }
}
