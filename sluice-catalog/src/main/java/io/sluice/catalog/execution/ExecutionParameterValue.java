package io.sluice.catalog.execution;

/**
 * A parameter value of an execution as users may see it: a sensitive value is never shown ({@code
 * value} is null, as SSIS shows it).
 *
 * @param objectType 20 project, 30 package, 50 system
 * @param valueSet whether it has a value
 * @param source EXECUTION, SERVER, ENVIRONMENT or DESIGN; null while it has no value
 */
public record ExecutionParameterValue(
    int objectType,
    String parameterName,
    String dataType,
    boolean required,
    boolean sensitive,
    String value,
    boolean valueSet,
    String source) {}
