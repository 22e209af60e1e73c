package io.sluice.script;

import io.sluice.api.PluginException;
import io.sluice.api.component.ColumnType;
import io.sluice.api.component.OutputRows;
import io.sluice.api.component.Row;
import io.sluice.api.script.ScriptOutput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A Script Component's row by column name over the SDK's indexed {@link Row}: one object for the
 * whole run, pointed at each row in turn. As a source's {@code Output0Buffer} it also adds rows.
 */
final class NamedRow implements ScriptOutput {

  private final Columns columns;
  private final OutputRows output;
  private Row row;

  NamedRow(Columns columns, OutputRows output) {
    this.columns = columns;
    this.output = output;
  }

  void at(Row row) {
    this.row = row;
  }

  @Override
  public void addRow() throws InterruptedException {
    if (output == null) {
      throw new PluginException("only a Script Component source adds rows");
    }
    row = output.addRow();
  }

  private Row row() {
    if (row == null) {
      throw new PluginException(
          "Output0Buffer has no row yet", "call output0Buffer().addRow() before setting columns");
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
    row().set(column, convert(column, value));
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
