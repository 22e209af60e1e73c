package io.sluice.engine.project;

/**
 * One thing wrong in a project's files, located for the user.
 *
 * @param file path of the file inside the project, e.g. {@code packages/load.yaml}
 * @param line 1-based line, or 0 when the problem is not tied to a line
 * @param column 1-based column, or 0 when unknown
 */
public record Problem(String file, int line, int column, String message) {

  /** The file as in {@link #toString()}: a name with an invisible character shows what it is. */
  @Override
  public String toString() {
    String shown = InvisibleCharacters.visible(file);
    if (line <= 0) {
      return shown + ": " + message;
    }
    return shown + ":" + line + ":" + column + ": " + message;
  }
}
