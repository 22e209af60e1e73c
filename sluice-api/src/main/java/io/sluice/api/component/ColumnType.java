package io.sluice.api.component;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A column's type as a plugin sees it: the Java class its values have (null is SSIS's NULL). Each
 * SSIS type (DT_I4, DT_WSTR ...) maps to one of these; a column a plugin adds gets the SSIS type
 * named in {@link #ssisType()}.
 */
public enum ColumnType {
  BOOLEAN(Boolean.class, "DT_BOOL"),
  INT8(Byte.class, "DT_I1"),
  INT16(Short.class, "DT_I2"),
  INT32(Integer.class, "DT_I4"),
  INT64(Long.class, "DT_I8"),
  BIG_INTEGER(BigInteger.class, "DT_UI8"),
  FLOAT(Float.class, "DT_R4"),
  DOUBLE(Double.class, "DT_R8"),
  DECIMAL(BigDecimal.class, "DT_NUMERIC"),
  STRING(String.class, "DT_WSTR"),
  BYTES(byte[].class, "DT_BYTES"),
  GUID(UUID.class, "DT_GUID"),
  DATE(LocalDate.class, "DT_DBDATE"),
  TIME(LocalTime.class, "DT_DBTIME2"),
  TIMESTAMP(LocalDateTime.class, "DT_DBTIMESTAMP"),
  TIMESTAMP_OFFSET(OffsetDateTime.class, "DT_DBTIMESTAMPOFFSET");

  private final Class<?> javaType;
  private final String ssisType;

  ColumnType(Class<?> javaType, String ssisType) {
    this.javaType = javaType;
    this.ssisType = ssisType;
  }

  public Class<?> javaType() {
    return javaType;
  }

  /** The SSIS type of a column of this type a plugin adds. */
  public String ssisType() {
    return ssisType;
  }
}
