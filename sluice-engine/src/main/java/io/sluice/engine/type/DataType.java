package io.sluice.engine.type;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * An SSIS data type (DT_...) with its parameters, shared by expressions and data-flow columns.
 *
 * <p>Parameters that a kind does not use are 0: {@code length} for DT_STR, DT_WSTR and DT_BYTES;
 * {@code precision}/{@code scale} for DT_NUMERIC, DT_DECIMAL (scale only; precision is fixed at 29)
 * and the fractional-second digits of DT_DBTIME2, DT_DBTIMESTAMP2 and DT_DBTIMESTAMPOFFSET (scale);
 * {@code codePage} for DT_STR and DT_TEXT.
 *
 * <p>Values are carried as the Java class of {@link Kind#javaType()}; null is the SSIS NULL.
 */
public record DataType(Kind kind, int length, int precision, int scale, int codePage) {

  /** The SSIS data types, each with the Java class that carries its values. */
  public enum Kind {
    DT_BOOL(Boolean.class),
    DT_I1(Byte.class),
    DT_I2(Short.class),
    DT_I4(Integer.class),
    DT_I8(Long.class),
    // Unsigned kinds use the next wider signed Java type so every value fits without tricks.
    DT_UI1(Short.class),
    DT_UI2(Integer.class),
    DT_UI4(Long.class),
    DT_UI8(BigInteger.class),
    DT_R4(Float.class),
    DT_R8(Double.class),
    DT_CY(BigDecimal.class),
    DT_DECIMAL(BigDecimal.class),
    DT_NUMERIC(BigDecimal.class),
    DT_STR(String.class),
    DT_WSTR(String.class),
    DT_TEXT(String.class),
    DT_NTEXT(String.class),
    DT_BYTES(byte[].class),
    DT_IMAGE(byte[].class),
    DT_GUID(UUID.class),
    DT_DATE(LocalDateTime.class),
    DT_DBDATE(LocalDate.class),
    DT_DBTIME(LocalTime.class),
    DT_DBTIME2(LocalTime.class),
    DT_DBTIMESTAMP(LocalDateTime.class),
    DT_DBTIMESTAMP2(LocalDateTime.class),
    DT_DBTIMESTAMPOFFSET(OffsetDateTime.class);

    private final Class<?> javaType;

    Kind(Class<?> javaType) {
      this.javaType = javaType;
    }

    /** The Java class of non-null values of this kind. */
    public Class<?> javaType() {
      return javaType;
    }

    public boolean isSignedInteger() {
      return this == DT_I1 || this == DT_I2 || this == DT_I4 || this == DT_I8;
    }

    public boolean isUnsignedInteger() {
      return this == DT_UI1 || this == DT_UI2 || this == DT_UI4 || this == DT_UI8;
    }

    public boolean isInteger() {
      return isSignedInteger() || isUnsignedInteger();
    }

    public boolean isReal() {
      return this == DT_R4 || this == DT_R8;
    }

    /** DT_CY, DT_DECIMAL and DT_NUMERIC: exact decimals carried as BigDecimal. */
    public boolean isExactDecimal() {
      return this == DT_CY || this == DT_DECIMAL || this == DT_NUMERIC;
    }

    public boolean isNumeric() {
      return isInteger() || isReal() || isExactDecimal();
    }

    /** DT_STR and DT_WSTR, the string types functions and operators accept. */
    public boolean isString() {
      return this == DT_STR || this == DT_WSTR;
    }

    /** Character data of any kind, including the DT_TEXT and DT_NTEXT large objects. */
    public boolean isCharacter() {
      return isString() || this == DT_TEXT || this == DT_NTEXT;
    }

    public boolean isBinary() {
      return this == DT_BYTES || this == DT_IMAGE;
    }

    /** Kinds that hold only a time of day. */
    public boolean isTime() {
      return this == DT_DBTIME || this == DT_DBTIME2;
    }

    /** Kinds that hold a date, with or without a time of day. */
    public boolean isDate() {
      return this == DT_DATE
          || this == DT_DBDATE
          || this == DT_DBTIMESTAMP
          || this == DT_DBTIMESTAMP2
          || this == DT_DBTIMESTAMPOFFSET;
    }

    public boolean isDateOrTime() {
      return isDate() || isTime();
    }

    /** Size in bytes of an integer kind, 0 for other kinds. */
    public int integerBytes() {
      return switch (this) {
        case DT_I1, DT_UI1 -> 1;
        case DT_I2, DT_UI2 -> 2;
        case DT_I4, DT_UI4 -> 4;
        case DT_I8, DT_UI8 -> 8;
        default -> 0;
      };
    }

    /** Case-insensitive lookup by SSIS name, e.g. {@code dt_wstr}. */
    public static Optional<Kind> fromName(String name) {
      try {
        return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }

  /** Longest DT_WSTR SSIS allows in a column (DT_STR allows 8000). */
  public static final int MAX_WSTR_LENGTH = 4000;

  public static final int MAX_NUMERIC_PRECISION = 38;
  public static final int DECIMAL_PRECISION = 29;
  public static final int DEFAULT_CODE_PAGE = 1252;

  public static final DataType BOOL = simple(Kind.DT_BOOL);
  public static final DataType I1 = simple(Kind.DT_I1);
  public static final DataType I2 = simple(Kind.DT_I2);
  public static final DataType I4 = simple(Kind.DT_I4);
  public static final DataType I8 = simple(Kind.DT_I8);
  public static final DataType UI1 = simple(Kind.DT_UI1);
  public static final DataType UI2 = simple(Kind.DT_UI2);
  public static final DataType UI4 = simple(Kind.DT_UI4);
  public static final DataType UI8 = simple(Kind.DT_UI8);
  public static final DataType R4 = simple(Kind.DT_R4);
  public static final DataType R8 = simple(Kind.DT_R8);
  public static final DataType CY = new DataType(Kind.DT_CY, 0, 19, 4, 0);
  public static final DataType NTEXT = simple(Kind.DT_NTEXT);
  public static final DataType IMAGE = simple(Kind.DT_IMAGE);
  public static final DataType GUID = simple(Kind.DT_GUID);
  public static final DataType DATE = simple(Kind.DT_DATE);
  public static final DataType DBDATE = simple(Kind.DT_DBDATE);
  public static final DataType DBTIME = simple(Kind.DT_DBTIME);
  public static final DataType DBTIMESTAMP = simple(Kind.DT_DBTIMESTAMP);

  public DataType {
    if (kind == null) {
      throw new IllegalArgumentException("a data type needs a kind");
    }
    if (length < 0 || precision < 0 || scale < 0 || codePage < 0) {
      throw new IllegalArgumentException("data type parameters cannot be negative");
    }
  }

  private static DataType simple(Kind kind) {
    return new DataType(kind, 0, 0, 0, 0);
  }

  /** The type of a kind that takes no parameters, e.g. {@code of(Kind.DT_I4)}. */
  public static DataType of(Kind kind) {
    return switch (kind) {
      case DT_CY -> CY;
      case DT_STR, DT_WSTR, DT_BYTES, DT_NUMERIC, DT_DECIMAL, DT_TEXT ->
          throw new IllegalArgumentException(kind + " needs parameters");
      default -> simple(kind);
    };
  }

  public static DataType wstr(int length) {
    return new DataType(Kind.DT_WSTR, length, 0, 0, 0);
  }

  public static DataType str(int length, int codePage) {
    return new DataType(Kind.DT_STR, length, 0, 0, codePage);
  }

  public static DataType text(int codePage) {
    return new DataType(Kind.DT_TEXT, 0, 0, 0, codePage);
  }

  public static DataType bytes(int length) {
    return new DataType(Kind.DT_BYTES, length, 0, 0, 0);
  }

  public static DataType numeric(int precision, int scale) {
    return new DataType(Kind.DT_NUMERIC, 0, precision, scale, 0);
  }

  public static DataType decimal(int scale) {
    return new DataType(Kind.DT_DECIMAL, 0, DECIMAL_PRECISION, scale, 0);
  }

  public static DataType dbTime2(int scale) {
    return new DataType(Kind.DT_DBTIME2, 0, 0, scale, 0);
  }

  public static DataType dbTimestamp2(int scale) {
    return new DataType(Kind.DT_DBTIMESTAMP2, 0, 0, scale, 0);
  }

  public static DataType dbTimestampOffset(int scale) {
    return new DataType(Kind.DT_DBTIMESTAMPOFFSET, 0, 0, scale, 0);
  }

  /** The SSIS name of the kind, e.g. {@code DT_WSTR}, as SSIS error messages show it. */
  public String name() {
    return kind.name();
  }

  /** The Java class of non-null values. */
  public Class<?> javaType() {
    return kind.javaType();
  }

  /** The type spec as written in an SSIS cast, e.g. {@code DT_STR,50,1252}. */
  @Override
  public String toString() {
    return switch (kind) {
      case DT_STR -> kind + "," + length + "," + codePage;
      case DT_WSTR, DT_BYTES -> kind + "," + length;
      case DT_NUMERIC -> kind + "," + precision + "," + scale;
      case DT_DECIMAL, DT_DBTIME2, DT_DBTIMESTAMP2, DT_DBTIMESTAMPOFFSET -> kind + "," + scale;
      case DT_TEXT -> kind + "," + codePage;
      default -> kind.name();
    };
  }
}
