package io.sluice.catalog.parameter;

/**
 * A parameter of a project's current version with its values. Values of sensitive parameters are
 * always {@link #MASK}, never clear text.
 *
 * @param objectName the project name for project parameters, the package name for package ones
 * @param designDefault the default from the project files, or null
 * @param serverValue the literal server value, or null (none, or a reference)
 * @param referencedVariable the environment variable the server value refers to, or null
 * @param value the value an execution would use unless it sets one; null for {@link
 *     ValueSource#ENVIRONMENT_VARIABLE} and {@link ValueSource#MISSING}
 */
public record ParameterInfo(
    ObjectType objectType,
    String objectName,
    String name,
    String dataType,
    boolean required,
    boolean sensitive,
    String description,
    String designDefault,
    String serverValue,
    String referencedVariable,
    ValueSource valueSource,
    String value) {

  public static final String MASK = "********";

  /**
   * The server value as people read it: the literal, or {@code -> environment variable X} (a
   * variable of the execution's catalog environment, not of the operating system).
   */
  public String serverValueText() {
    return referencedVariable != null
        ? "-> environment variable " + referencedVariable
        : serverValue;
  }
}
