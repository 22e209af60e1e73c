package io.sluice.ftp;

/** Exception text for messages: the message, or the type when a library gives none. */
final class Errors {

  private Errors() {}

  static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
