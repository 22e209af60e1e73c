package io.sluice.api.component;

import java.math.BigDecimal;

/**
 * One row, by column index (from {@link ComponentSetup#inputColumn} or {@link
 * ComponentSetup#addOutputColumn}). The same object is reused for every row of a run: never keep
 * it, copy the values you need. Values have the Java class of their {@link ColumnType}; null is
 * NULL.
 */
public interface Row {

  Object get(int column);

  boolean isNull(int column);

  String getString(int column);

  Integer getInt(int column);

  Long getLong(int column);

  Double getDouble(int column);

  BigDecimal getDecimal(int column);

  Boolean getBoolean(int column);

  /**
   * Sets a column of the output (a column the component added, or an input column it replaces); the
   * value must have the column's Java class or be null.
   */
  void set(int column, Object value);

  void setNull(int column);

  /**
   * Sends this input row to synchronous output {@code output} (0 is the default output, others are
   * from {@link ComponentSetup#addOutput}); SSIS's {@code Row.DirectRowToOutput0()}. Only for a
   * transformation that has more than one synchronous output, whose rows go only where they are
   * directed; may be called for several outputs.
   */
  default void directTo(int output) {
    throw new UnsupportedOperationException("this component has one synchronous output");
  }
}
