package io.sluice.cli.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A VALUE argument of {@code -} means "read it from standard input": a password typed on the
 * command line stays in the shell history and is visible to every user in the process list, one
 * piped in ({@code < secret.txt}, {@code vault read ... |}) is neither. Where a command also takes
 * {@code @FILE} ({@link #resolveWithFile}), the value is the text of FILE, which a mode-600 file
 * keeps from other users as well.
 */
public final class StdinValue {

  /** The argument that asks for standard input. */
  public static final String DASH = "-";

  /** {@code @FILE}: the value is FILE's text; {@code @@text} is the value {@code @text}. */
  public static final String FILE = "@";

  /** Longest value read; a secret or a connection string, not a file to upload. */
  private static final int MAX_BYTES = 64 * 1024;

  private StdinValue() {}

  /** The value itself, or standard input's text (one trailing line end removed) for "-". */
  public static String resolve(String argument) {
    return DASH.equals(argument) ? read(System.in) : argument;
  }

  /**
   * The value itself; standard input's text for {@code -}; the text of FILE for {@code @FILE}; and
   * {@code @text} for {@code @@text}. One trailing line end of what is read is removed.
   */
  public static String resolveWithFile(String argument) {
    if (argument.startsWith(FILE + FILE)) {
      return argument.substring(1);
    }
    if (argument.startsWith(FILE)) {
      return readFile(Path.of(argument.substring(1)));
    }
    return resolve(argument);
  }

  /**
   * {@code NAME=VALUE} arguments of {@code option} (e.g. {@code --param}) with each VALUE resolved
   * as {@link #resolveWithFile} does; standard input can be read by one of them only.
   */
  public static List<String> resolveAssignments(List<String> assignments, String option) {
    long fromStdin =
        assignments.stream()
            .filter(a -> a.indexOf('=') > 0 && a.substring(a.indexOf('=') + 1).equals(DASH))
            .count();
    if (fromStdin > 1) {
      throw new UsageException(
          fromStdin + " " + option + " values ask for standard input, which holds only one",
          "read the others from files: " + option + " NAME=@FILE");
    }
    List<String> resolved = new ArrayList<>();
    for (String assignment : assignments) {
      int eq = assignment.indexOf('=');
      resolved.add(
          eq <= 0
              ? assignment
              : assignment.substring(0, eq + 1) + resolveWithFile(assignment.substring(eq + 1)));
    }
    return resolved;
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
    return text(bytes);
  }

  private static String readFile(Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new UsageException(
          "cannot read a value from " + file + ": there is no such file",
          "write @FILE with the path of a file that holds only the value");
    } catch (IOException e) {
      throw new UsageException(
          "cannot read a value from " + file + ": " + e.getMessage(),
          "write @FILE with the path of a file this user can read");
    }
    if (bytes.length > MAX_BYTES) {
      throw new UsageException(
          "the value in " + file + " is longer than " + MAX_BYTES / 1024 + " KiB",
          "put only the value itself in the file");
    }
    return text(bytes);
  }

  /** UTF-8 text with one trailing line end removed. */
  private static String text(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
