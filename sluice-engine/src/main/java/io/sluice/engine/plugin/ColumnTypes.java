package io.sluice.engine.plugin;

import io.sluice.api.component.ColumnType;
import io.sluice.engine.type.DataType;

/** Between the engine's SSIS data types and the plugin API's column types. */
final class ColumnTypes {

  private ColumnTypes() {}

  /** The API type of an SSIS type: the one whose Java class carries its values. */
  static ColumnType of(DataType type) {
    Class<?> java = type.kind().javaType();
    for (ColumnType c : ColumnType.values()) {
      if (c.javaType() == java) {
        return c;
      }
    }
    throw new IllegalStateException("no plugin column type carries " + java.getName());
  }

  /** The SSIS type of a column a plugin adds (strings and bytes at SSIS's widest lengths). */
  static DataType toSsis(ColumnType type) {
    return switch (type) {
      case BOOLEAN -> DataType.of(DataType.Kind.DT_BOOL);
      case INT8 -> DataType.of(DataType.Kind.DT_I1);
      case INT16 -> DataType.of(DataType.Kind.DT_I2);
      case INT32 -> DataType.of(DataType.Kind.DT_I4);
      case INT64 -> DataType.of(DataType.Kind.DT_I8);
      case BIG_INTEGER -> DataType.of(DataType.Kind.DT_UI8);
      case FLOAT -> DataType.of(DataType.Kind.DT_R4);
      case DOUBLE -> DataType.of(DataType.Kind.DT_R8);
      case DECIMAL -> DataType.numeric(38, 10);
      case STRING -> DataType.wstr(4000);
      case BYTES -> DataType.bytes(8000);
      case GUID -> DataType.of(DataType.Kind.DT_GUID);
      case DATE -> DataType.of(DataType.Kind.DT_DBDATE);
      case TIME -> DataType.dbTime2(7);
      case TIMESTAMP -> DataType.of(DataType.Kind.DT_DBTIMESTAMP);
      case TIMESTAMP_OFFSET -> DataType.dbTimestampOffset(7);
    };
  }
}
