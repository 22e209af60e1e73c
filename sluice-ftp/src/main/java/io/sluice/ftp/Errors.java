package io.sluice.ftp;

/** Exception text for messages: the message, or the type when a library gives none. */
final class Errors {

  private Errors() {}

  static String describe(Throwable e) {
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() == null) {
      // the JDK's message is the bare path: say what happened to it
      String kind = e.getClass().getSimpleName().replace("Exception", "");
      String words = kind.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
      return words + ": " + f.getFile();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
