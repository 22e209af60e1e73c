package io.sluice.api.component;

/** Where a component sits in a data flow. */
public enum ComponentKind {
  /**
   * No input; creates rows on its output ({@link ComponentRuntime#createNewOutputRows}) and on the
   * asynchronous outputs it adds ({@link ComponentContext#output(int)}).
   */
  SOURCE,
  /**
   * One input: sees each row ({@link ComponentRuntime#processInputRow}), may change its columns and
   * fill the columns it adds; outputs {@code Output} (synchronous) and {@code Error}, and those it
   * adds with {@link ComponentSetup#addOutput} (synchronous, rows directed with {@link
   * Row#directTo}, or asynchronous, with rows of their own).
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
