package io.sluice.engine.project;

/** Where something was written: a project file and a 1-based line and column. */
public record SourceLocation(String file, int line, int column) {

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
