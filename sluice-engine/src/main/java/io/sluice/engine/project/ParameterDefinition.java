package io.sluice.engine.project;

/**
 * A project or package parameter as designed in the project files.
 *
 * @param defaultValue the design default as text, or null when there is none
 */
public record ParameterDefinition(
    String name,
    ParameterType type,
    boolean required,
    boolean sensitive,
    String defaultValue,
    String description) {}
