package io.sluice.engine.dataflow.transform.audit;

import io.sluice.engine.type.DataType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an Audit column holds: SSIS's audit types (LineageItemSelected 0 to 8), each read from the
 * run's System variable of that name, with the type SSIS gives the column.
 */
enum AuditItem {
  EXECUTION_INSTANCE_GUID("ExecutionInstanceGUID", "ExecutionInstanceGUID", DataType.wstr(38)),
  PACKAGE_ID("PackageID", "PackageID", DataType.wstr(38)),
  PACKAGE_NAME("PackageName", "PackageName", DataType.wstr(255)),
  VERSION_ID("VersionID", "VersionID", DataType.wstr(38)),
  EXECUTION_START_TIME("ExecutionStartTime", "StartTime", DataType.DATE),
  MACHINE_NAME("MachineName", "MachineName", DataType.wstr(255)),
  USER_NAME("UserName", "UserName", DataType.wstr(255)),
  TASK_NAME("TaskName", "TaskName", DataType.wstr(255)),
  TASK_ID("TaskID", "TaskID", DataType.wstr(38));

  /** The name written in YAML ({@code item: MachineName}). */
  final String written;

  /** The System variable the value comes from. */
  final String variable;

  final DataType type;

  AuditItem(String written, String variable, DataType type) {
    this.written = written;
    this.variable = variable;
    this.type = type;
  }

  /** By its YAML name (case-insensitive) or by SSIS's LineageItemSelected number. */
  static Optional<AuditItem> parse(String text) {
    String t = text.trim();
    for (AuditItem item : values()) {
      if (item.written.equalsIgnoreCase(t) || String.valueOf(item.ordinal()).equals(t)) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  static String names() {
    return Arrays.stream(values()).map(i -> i.written).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return written.toLowerCase(Locale.ROOT);
  }
}
