package io.sluice.engine.project;

import java.util.Arrays;
import java.util.Optional;

/** Data types of project and package parameters, named as in SSIS. */
public enum ParameterType {
  BOOLEAN("Boolean"),
  BYTE("Byte"),
  DATE_TIME("DateTime"),
  DECIMAL("Decimal"),
  DOUBLE("Double"),
  INT16("Int16"),
  INT32("Int32"),
  INT64("Int64"),
  SBYTE("SByte"),
  SINGLE("Single"),
  STRING("String"),
  UINT32("UInt32"),
  UINT64("UInt64");

  private final String ssisName;

  ParameterType(String ssisName) {
    this.ssisName = ssisName;
  }

  /** The name users write in project files and on the command line, e.g. {@code Int32}. */
  public String ssisName() {
    return ssisName;
  }

  /** Case-insensitive lookup by SSIS name. */
  public static Optional<ParameterType> fromName(String name) {
    return Arrays.stream(values()).filter(t -> t.ssisName.equalsIgnoreCase(name)).findFirst();
  }

  @Override
  public String toString() {
    return ssisName;
  }
}
