package io.sluice.catalog.environment;

/** How an environment reference names its environment (SSIS reference_type). */
public enum ReferenceType {
  /** The environment of that name in the project's own folder ('R'): moves with the project. */
  RELATIVE("R"),
  /** The environment of that name in a named folder ('A'). */
  ABSOLUTE("A");

  private final String code;

  ReferenceType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  static ReferenceType ofCode(String code) {
    return "R".equals(code) ? RELATIVE : ABSOLUTE;
  }
}
