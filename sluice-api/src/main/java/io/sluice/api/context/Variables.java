package io.sluice.api.context;

/**
 * The variables and parameters a task or component sees, by qualified name ({@code User::Count},
 * {@code $Package::Region}, {@code $Project::Since}, {@code System::StartTime}) or by plain name
 * when it is unique. SSIS's {@code Dts.Variables}.
 */
public interface Variables {

  boolean exists(String name);

  /**
   * The current value (an expression variable is evaluated now).
   *
   * @throws io.sluice.api.PluginException when there is no such variable, or it is a sensitive
   *     parameter (read those with {@link #sensitiveValue})
   */
  Object get(String name);

  /**
   * The value converted to {@code type} ({@code String}, {@code Integer}, {@code Long}, {@code
   * Double}, {@code Boolean}, {@code BigDecimal} ... as the variable's type allows).
   */
  <T> T get(String name, Class<T> type);

  /**
   * The value of a sensitive parameter, for where it stays secret (a password handed to a driver).
   * Every sensitive value of the run is masked in events and messages that leave the worker.
   */
  Object sensitiveValue(String name);

  /**
   * Assigns a value, converted to the variable's type.
   *
   * @throws io.sluice.api.PluginException naming the variable when it is read-only (parameters,
   *     System variables, expression variables, variables the task did not declare writable)
   */
  void set(String name, Object value);

  /** Whether {@link #set} would refuse the variable. */
  boolean isReadOnly(String name);
}
