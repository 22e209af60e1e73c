package io.sluice.cli.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A VALUE argument of {@code -} means "read it from standard input": a password typed on the
 * command line stays in the shell history and is visible to every user in the process list, one
 * piped in ({@code < secret.txt}, {@code vault read ... |}) is neither.
 */
public final class StdinValue {

  /** The argument that asks for standard input. */
  public static final String DASH = "-";

  /** Longest value read; a secret or a connection string, not a file to upload. */
  private static final int MAX_BYTES = 64 * 1024;

  private StdinValue() {}

  /** The value itself, or standard input's text (one trailing line end removed) for "-". */
  public static String resolve(String argument) {
    return DASH.equals(argument) ? read(System.in) : argument;
  }

  static String read(InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the value from standard input", e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new UsageException(
          "the value on standard input is longer than " + MAX_BYTES / 1024 + " KiB",
          "pipe in only the value itself, e.g. printf '%s' \"$PASSWORD\" | sluice ... NAME -");
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
