package io.sluice.catalog.execution;

/**
 * A property override of an execution as users may see it (SSIS
 * catalog.execution_property_override_values): a value that may hold a secret is never shown.
 *
 * @param propertyPath the SSIS property path, e.g. {@code \Package.Variables[User::Day].Value}
 * @param value null when {@code sensitive}
 * @param sensitive the value is stored encrypted and not shown: it was given as sensitive, or it
 *     sets a connection (whose string may hold a password) or a sensitive parameter
 */
public record ExecutionPropertyOverride(String propertyPath, String value, boolean sensitive) {}
