package io.sluice.api.script;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A row of a Script Component, by column name: SSIS's {@code Input0Buffer Row} and {@code
 * Output0Buffer}. C#'s generated properties become calls with the column's name ({@code Row.Amount}
 * → {@code row.getDecimal("Amount")}, {@code Row.Label = x} → {@code row.setString("Label", x)},
 * {@code Row.Amount_IsNull} → {@code row.isNull("Amount")}, {@code Row.Amount_SetNull()} → {@code
 * row.setNull("Amount")}). Names match ignoring case, as in SSIS. The same object moves from row to
 * row: never keep it.
 *
 * <p>Getters return the value in the asked class when it converts (a DT_I4 column read with {@code
 * getDecimal}); null is NULL. A setter converts numbers to the column's type, and anything to a
 * string column; other mismatches, and a column that does not exist, fail the component naming the
 * column. For the last nanoseconds, {@link #column(String)} gives an index once (in {@code
 * preExecute}) for the indexed getters of {@link #get(int)}.
 */
public interface ScriptRow {

  /** The index of a column, for {@link #get(int)} and {@link #set(int, Object)}. */
  int column(String name);

  Object get(int column);

  void set(int column, Object value);

  Object get(String column);

  boolean isNull(String column);

  String getString(String column);

  Integer getInt(String column);

  Long getLong(String column);

  Double getDouble(String column);

  BigDecimal getDecimal(String column);

  Boolean getBoolean(String column);

  LocalDate getDate(String column);

  LocalDateTime getDateTime(String column);

  /** Sets a column; the value is converted to the column's type (see above), null is NULL. */
  void set(String column, Object value);

  void setNull(String column);

  default void setString(String column, String value) {
    set(column, value);
  }

  default void setInt(String column, Integer value) {
    set(column, value);
  }

  default void setLong(String column, Long value) {
    set(column, value);
  }

  default void setDouble(String column, Double value) {
    set(column, value);
  }

  default void setDecimal(String column, BigDecimal value) {
    set(column, value);
  }

  default void setBoolean(String column, Boolean value) {
    set(column, value);
  }

  /**
   * SSIS's {@code Row.DirectRowToRejects()}: sends this input row to the synchronous output named
   * {@code output} ({@code Output} is the default one). Only for a transformation with more than
   * one synchronous output, whose rows go only where they are directed (SSIS's exclusion group).
   */
  default void directRowTo(String output) {
    throw new UnsupportedOperationException("this script component has one synchronous output");
  }
}
