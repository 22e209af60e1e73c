package io.sluice.catalog.execution;

/**
 * A parameter value as the engine needs it to run: sensitive ones decrypted. Only {@link
 * ExecutionRuntime#resolvedParameters} makes these; never print or log them.
 *
 * @param value null when the parameter has no value (not required, no default)
 */
public record ResolvedParameter(
    int objectType, String name, String dataType, boolean sensitive, String value) {

  @Override
  public String toString() {
    // Keep clear sensitive values out of logs and exception messages.
    return "ResolvedParameter[objectType=%d, name=%s, dataType=%s, sensitive=%s, value=%s]"
        .formatted(objectType, name, dataType, sensitive, sensitive ? "(hidden)" : value);
  }
}
