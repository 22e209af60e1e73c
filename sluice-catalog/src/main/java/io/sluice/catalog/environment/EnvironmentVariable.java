package io.sluice.catalog.environment;

/**
 * A variable of an environment.
 *
 * @param type the SSIS type name, e.g. {@code Int32}
 * @param value the value as text; {@code ********} when sensitive
 */
public record EnvironmentVariable(
    String name, String type, boolean sensitive, String value, String description) {}
