package io.sluice.engine.dataflow.jdbc;

import io.sluice.engine.type.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/** Maps JDBC column types to SSIS data types, and reads and binds values accordingly. */
public final class JdbcTypes {

  private JdbcTypes() {}

  /** The SSIS type for a JDBC column, as SSIS's OLE DB source would choose it. */
  public static DataType toDataType(int jdbcType, String typeName, int precision, int scale) {
    return switch (jdbcType) {
      case Types.BOOLEAN, Types.BIT -> DataType.BOOL;
      case Types.TINYINT -> DataType.UI1;
      case Types.SMALLINT -> DataType.I2;
      case Types.INTEGER -> DataType.I4;
      case Types.BIGINT -> DataType.I8;
      case Types.REAL -> DataType.R4;
      case Types.FLOAT, Types.DOUBLE -> DataType.R8;
      case Types.NUMERIC, Types.DECIMAL ->
          precision <= 0 || precision > DataType.MAX_NUMERIC_PRECISION
              // An unconstrained numeric (PostgreSQL) has no declared precision: take the widest.
              ? DataType.numeric(DataType.MAX_NUMERIC_PRECISION, 10)
              : DataType.numeric(precision, Math.max(0, scale));
      case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR ->
          precision > 0 && precision <= DataType.MAX_WSTR_LENGTH
              ? DataType.wstr(precision)
              : DataType.NTEXT;
      case Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB -> DataType.NTEXT;
      case Types.DATE -> DataType.DBDATE;
      case Types.TIME -> DataType.dbTime2(6);
      case Types.TIMESTAMP -> DataType.dbTimestamp2(6);
      case Types.TIMESTAMP_WITH_TIMEZONE -> DataType.dbTimestampOffset(6);
      case Types.BINARY, Types.VARBINARY ->
          precision > 0 && precision <= 8000 ? DataType.bytes(precision) : DataType.IMAGE;
      case Types.LONGVARBINARY, Types.BLOB -> DataType.IMAGE;
      default -> otherType(typeName);
    };
  }

  private static DataType otherType(String typeName) {
    String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
    if (name.equals("uuid")) {
      return DataType.GUID;
    }
    if (name.equals("timestamptz")) {
      return DataType.dbTimestampOffset(6);
    }
    return DataType.NTEXT;
  }

  /** Reads column {@code index} (1-based) as the carrier of {@code type}; null for SQL NULL. */
  public static Object read(ResultSet rs, int index, DataType type) throws SQLException {
    Object value =
        switch (type.kind()) {
          case DT_BOOL -> rs.getBoolean(index);
          case DT_I1 -> rs.getByte(index);
          case DT_I2, DT_UI1 -> rs.getShort(index);
          case DT_I4, DT_UI2 -> rs.getInt(index);
          case DT_I8, DT_UI4 -> rs.getLong(index);
          case DT_UI8 -> toBigInteger(rs.getBigDecimal(index));
          case DT_R4 -> rs.getFloat(index);
          case DT_R8 -> rs.getDouble(index);
          case DT_CY, DT_DECIMAL, DT_NUMERIC -> scaled(rs.getBigDecimal(index), type);
          case DT_DBDATE -> rs.getObject(index, LocalDate.class);
          case DT_DBTIME, DT_DBTIME2 -> rs.getObject(index, LocalTime.class);
          case DT_DATE, DT_DBTIMESTAMP, DT_DBTIMESTAMP2 -> rs.getObject(index, LocalDateTime.class);
          case DT_DBTIMESTAMPOFFSET -> rs.getObject(index, OffsetDateTime.class);
          case DT_BYTES, DT_IMAGE -> rs.getBytes(index);
          case DT_GUID -> guid(rs.getObject(index));
          default -> rs.getString(index);
        };
    return rs.wasNull() ? null : value;
  }

  private static BigInteger toBigInteger(BigDecimal d) {
    return d == null ? null : d.toBigInteger();
  }

  private static BigDecimal scaled(BigDecimal d, DataType type) {
    return d == null || d.scale() == type.scale()
        ? d
        : d.setScale(type.scale(), RoundingMode.HALF_UP);
  }

  private static UUID guid(Object value) {
    if (value == null || value instanceof UUID) {
      return (UUID) value;
    }
    return UUID.fromString(value.toString());
  }

  /** A value as JDBC's setObject takes it. */
  public static Object bindable(Object value) {
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    return value;
  }
}
