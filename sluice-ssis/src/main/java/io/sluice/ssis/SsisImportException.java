package io.sluice.ssis;

import java.nio.file.Path;

/**
 * Nothing could be imported from a file: it is not XML, not an SSIS package, or a form of one this
 * importer does not read. Names the file and the line, and says what to do ({@link #hint()}).
 * Anything less than that (a task or connection that cannot be converted) is not an exception but
 * an entry of the import report.
 */
public final class SsisImportException extends RuntimeException {

  private final transient Path file;
  private final int line;
  private final String problem;
  private final String hint;

  public SsisImportException(Path file, int line, String problem, String hint) {
    super(where(file, line) + ": " + problem);
    this.file = file;
    this.line = line;
    this.problem = problem;
    this.hint = hint;
  }

  private static String where(Path file, int line) {
    String name = file == null ? "(input)" : file.toString();
    return line > 0 ? name + ":" + line : name;
  }

  public Path file() {
    return file;
  }

  /** The 1-based line of the problem, or 0 when it concerns the file as a whole. */
  public int line() {
    return line;
  }

  /** The problem without the file and line. */
  public String problem() {
    return problem;
  }

  public String hint() {
    return hint;
  }
}
