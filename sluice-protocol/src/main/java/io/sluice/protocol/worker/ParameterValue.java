package io.sluice.protocol.worker;

/**
 * A resolved parameter value. Sensitive values travel in clear inside the mutual-TLS channel only,
 * and workers never log them.
 *
 * @param objectType 20 project, 30 package (as SSIS)
 */
public record ParameterValue(
    int objectType, String name, String dataType, boolean sensitive, String value) {

  @Override
  public String toString() {
    return "ParameterValue["
        + objectType
        + " "
        + name
        + "="
        + (sensitive ? "(hidden)" : value)
        + "]";
  }
}
