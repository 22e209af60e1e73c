package io.sluice.api.component;

/** Where a component sits in a data flow. */
public enum ComponentKind {
  /** No input; creates rows on its output ({@link ComponentRuntime#createNewOutputRows}). */
  SOURCE,
  /**
   * One input, synchronous: sees each row ({@link ComponentRuntime#processInputRow}), may change
   * its columns and fill the columns it adds; outputs {@code Output} and {@code Error}.
   */
  TRANSFORMATION,
  /** One input, no output: consumes each row. */
  DESTINATION;

  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static ComponentKind ofWord(String word) {
    for (ComponentKind k : values()) {
      if (k.word().equalsIgnoreCase(word)) {
        return k;
      }
    }
    return null;
  }
}
