package io.sluice.script;

import io.sluice.api.PluginException;
import io.sluice.api.component.ColumnType;
import io.sluice.api.component.OutputRows;
import io.sluice.api.component.Row;
import io.sluice.api.component.RowException;
import io.sluice.api.script.ScriptOutput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;

/**
 * A Script Component's row by column name over the SDK's indexed {@link Row}: one object for the
 * whole run, pointed at each row in turn. As a source's {@code Output0Buffer} it also adds rows.
 */
final class NamedRow implements ScriptOutput {

  private final Columns columns;
  private final String buffer;
  private final Map<String, Integer> directable;
  private OutputRows output;
  private Row row;

  /**
   * @param buffer its name in messages ({@code Input0Buffer}, {@code Output0Buffer} ...)
   * @param directable the synchronous outputs by lower-case name and SDK number, when a row chooses
   *     them ({@code directRowTo}); empty otherwise
   */
  NamedRow(Columns columns, String buffer, Map<String, Integer> directable) {
    this.columns = columns;
    this.buffer = buffer;
    this.directable = directable;
  }

  /** Makes this an asynchronous output's buffer, adding rows to {@code output}. */
  void bind(OutputRows output) {
    this.output = output;
  }

  void at(Row row) {
    this.row = row;
  }

  @Override
  public void addRow() throws InterruptedException {
    if (output == null) {
      throw new PluginException(
          "only an asynchronous output adds rows; " + buffer + " is the input row");
    }
    row = output.addRow();
  }

  private Row row() {
    if (row == null) {
      throw new PluginException(
          buffer + " has no row yet", "call addRow() on it before setting columns");
    }
    return row;
  }

  @Override
  public int column(String name) {
    return columns.index(name);
  }

  @Override
  public Object get(int column) {
    return row().get(column);
  }

  @Override
  public void set(int column, Object value) {
    Object converted = convert(column, value);
    if (converted instanceof String text) {
      int max = columns.maxLength(column);
      if (max > 0 && text.length() > max) {
        throw truncated(column, text, max);
      }
    }
    row().set(column, converted);
  }

  /** SSIS's truncation: a row error of a transformation, and the flow's failure elsewhere. */
  private RowException truncated(int column, String text, int max) {
    return RowException.truncation(
        columns.name(column),
        "the script sets column '"
            + columns.name(column)
            + "' of "
            + buffer
            + " ("
            + columns.ssisType(column)
            + ", at most "
            + max
            + " characters) to a value of "
            + text.length()
            + " characters: it would be truncated");
  }

  @Override
  public void directRowTo(String output) {
    Integer number = directable.get(output.toLowerCase(Locale.ROOT));
    if (number == null) {
      throw new PluginException(
          "the script directs a row to output '"
              + output
              + "', which is not a synchronous output of the component",
          directable.isEmpty()
              ? "a row is directed only when the component has more than one synchronous output"
              : "its synchronous outputs are " + directable.keySet());
    }
    row().directTo(number);
  }

  @Override
  public Object get(String column) {
    return row().get(columns.index(column));
  }

  @Override
  public boolean isNull(String column) {
    return row().isNull(columns.index(column));
  }

  @Override
  public String getString(String column) {
    return row().getString(columns.index(column));
  }

  @Override
  public Integer getInt(String column) {
    return row().getInt(columns.index(column));
  }

  @Override
  public Long getLong(String column) {
    return row().getLong(columns.index(column));
  }

  @Override
  public Double getDouble(String column) {
    return row().getDouble(columns.index(column));
  }

  @Override
  public BigDecimal getDecimal(String column) {
    return row().getDecimal(columns.index(column));
  }

  @Override
  public Boolean getBoolean(String column) {
    return row().getBoolean(columns.index(column));
  }

  @Override
  public LocalDate getDate(String column) {
    Object v = get(column);
    return v instanceof LocalDateTime t ? t.toLocalDate() : (LocalDate) v;
  }

  @Override
  public LocalDateTime getDateTime(String column) {
    Object v = get(column);
    return v instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) v;
  }

  @Override
  public void set(String column, Object value) {
    set(columns.index(column), value);
  }

  @Override
  public void setNull(String column) {
    row().setNull(columns.index(column));
  }

  /** The value in the column's Java class: numbers convert, anything goes into a string. */
  private Object convert(int column, Object value) {
    ColumnType type = columns.type(column);
    if (value == null || type.javaType().isInstance(value)) {
      return value;
    }
    if (value instanceof Number n) {
      switch (type) {
        case INT8:
          return n.byteValue();
        case INT16:
          return n.shortValue();
        case INT32:
          return n.intValue();
        case INT64:
          return n.longValue();
        case FLOAT:
          return n.floatValue();
        case DOUBLE:
          return n.doubleValue();
        case DECIMAL:
          return new BigDecimal(n.toString());
        case BIG_INTEGER:
          return new BigDecimal(n.toString()).toBigInteger();
        default:
          break;
      }
    }
    if (type == ColumnType.STRING) {
      return value.toString();
    }
    throw new PluginException(
        "the script sets column '"
            + columns.name(column)
            + "' ("
            + type.ssisType()
            + ") to a "
            + value.getClass().getSimpleName()
            + "; it takes a "
            + type.javaType().getSimpleName(),
        "convert the value in the script, or declare the column with another type");
  }
}
