package io.sluice.catalog.environment;

import io.sluice.engine.project.ParameterType;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Data types of environment variables: SSIS's list, checked like parameter values. */
public enum VariableType {
  BOOLEAN(ParameterType.BOOLEAN),
  BYTE(ParameterType.BYTE),
  DATE_TIME(ParameterType.DATE_TIME),
  DOUBLE(ParameterType.DOUBLE),
  INT16(ParameterType.INT16),
  INT32(ParameterType.INT32),
  INT64(ParameterType.INT64),
  SINGLE(ParameterType.SINGLE),
  STRING(ParameterType.STRING),
  UINT32(ParameterType.UINT32),
  UINT64(ParameterType.UINT64);

  private final ParameterType valueType;

  VariableType(ParameterType valueType) {
    this.valueType = valueType;
  }

  /** The name users write and the catalog stores, e.g. {@code Int32}. */
  public String ssisName() {
    return valueType.ssisName();
  }

  /**
   * Why {@code text} is not a value of this type, or empty if it is; for a {@code sensitive} value
   * without quoting it.
   */
  public Optional<String> invalidValue(String text, boolean sensitive) {
    return valueType.invalidValue(text, sensitive);
  }

  /** Case-insensitive lookup by SSIS name. */
  public static Optional<VariableType> fromName(String name) {
    return Arrays.stream(values()).filter(t -> t.ssisName().equalsIgnoreCase(name)).findFirst();
  }

  /** The names to offer when a user gives an unknown one. */
  public static String names() {
    return Arrays.stream(values()).map(VariableType::ssisName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return ssisName();
  }
}
