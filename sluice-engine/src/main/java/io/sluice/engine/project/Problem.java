package io.sluice.engine.project;

/**
 * One thing wrong in a project's files, located for the user.
 *
 * @param file path of the file inside the project, e.g. {@code packages/load.yaml}
 * @param line 1-based line, or 0 when the problem is not tied to a line
 * @param column 1-based column, or 0 when unknown
 */
public record Problem(String file, int line, int column, String message) {

  @Override
  public String toString() {
    if (line <= 0) {
      return file + ": " + message;
    }
    return file + ":" + line + ":" + column + ": " + message;
  }
}
