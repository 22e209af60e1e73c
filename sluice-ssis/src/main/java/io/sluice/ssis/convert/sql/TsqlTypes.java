package io.sluice.ssis.convert.sql;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL Server data type names as PostgreSQL writes them, for the type of a {@code CAST} or {@code
 * CONVERT}. Only types with a PostgreSQL type of the same values are mapped; {@code bit} (a number
 * in T-SQL, a boolean's nearest in PostgreSQL) and {@code sql_variant} are not.
 */
final class TsqlTypes {

  private static final Pattern TYPE =
      Pattern.compile("([A-Z_0-9]+)(?:\\s*\\(\\s*([A-Z0-9]+)\\s*(?:,\\s*([0-9]+)\\s*)?\\))?");

  private TsqlTypes() {}

  /** The PostgreSQL spelling of {@code type}, or empty when it has none that holds the same. */
  static Optional<String> postgres(String type) {
    Matcher m = TYPE.matcher(type.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    String name = m.group(1);
    String size = m.group(2);
    String scale = m.group(3);
    boolean max = "MAX".equals(size);
    if (size != null && !max && !size.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    String args = size == null ? "" : "(" + size + (scale == null ? "" : "," + scale) + ")";
    String result =
        switch (name) {
          case "INT", "INTEGER", "BIGINT", "SMALLINT", "REAL", "DATE", "TEXT" ->
              size == null ? type.trim() : null;
          case "TINYINT" -> size == null ? "smallint" : null;
          case "DECIMAL", "NUMERIC" -> max ? null : type.trim();
          case "FLOAT" -> max ? null : size == null ? "double precision" : type.trim();
          case "CHAR", "VARCHAR" -> max ? "text" : type.trim();
          case "NCHAR" -> max ? null : "char" + args;
          case "NVARCHAR" -> max ? "text" : "varchar" + args;
          case "NTEXT" -> size == null ? "text" : null;
          case "DATETIME", "SMALLDATETIME" -> size == null ? "timestamp" : null;
          case "DATETIME2" -> timestamp("timestamp", size);
          case "TIME" -> timestamp("time", size);
          case "DATETIMEOFFSET" -> timestamp("timestamptz", size);
          case "UNIQUEIDENTIFIER" -> size == null ? "uuid" : null;
          case "MONEY" -> size == null ? "numeric(19,4)" : null;
          case "SMALLMONEY" -> size == null ? "numeric(10,4)" : null;
          case "BINARY", "VARBINARY", "IMAGE" -> "bytea";
          default -> null;
        };
    return Optional.ofNullable(result);
  }

  /** SQL Server keeps up to 7 fractional digits, PostgreSQL 6: 7 (the default) becomes 6. */
  private static String timestamp(String pgName, String size) {
    if (size == null) {
      return pgName;
    }
    if (!size.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return pgName + "(" + Math.min(Integer.parseInt(size), 6) + ")";
  }
}
