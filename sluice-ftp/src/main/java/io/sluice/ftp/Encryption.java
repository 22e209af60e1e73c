package io.sluice.ftp;

/** FTPS: none (plain FTP), explicit (AUTH TLS on the FTP port) or implicit (TLS from the start). */
enum Encryption {
  NONE,
  EXPLICIT,
  IMPLICIT;

  static Encryption of(String word) {
    return word == null ? NONE : valueOf(word.toUpperCase(java.util.Locale.ROOT));
  }
}
