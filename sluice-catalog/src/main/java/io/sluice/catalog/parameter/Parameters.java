package io.sluice.catalog.parameter;

import java.util.List;

/**
 * Parameters of a project's current version and their server values (SSIS
 * set_object_parameter_value / clear_object_parameter_value). A value applies to the current
 * version; the next deploy carries it over while the parameter keeps its name and data type.
 *
 * <p>{@code packageOrNull} names the package of a {@link ObjectType#PACKAGE} parameter and must be
 * null for a {@link ObjectType#PROJECT} one.
 */
public interface Parameters {

  /** Every project and package parameter of the current version, with its resolved value. */
  List<ParameterInfo> list(String folder, String project);

  /**
   * The parameters of two kept versions of a project side by side (SSMS has no such view; the
   * console's version comparison and {@code GET .../parameters/compare} use it). Either order.
   */
  ParameterComparison compare(String folder, String project, int fromVersion, int toVersion);

  /** Sets a literal server value, checked against the data type; sensitive ones are encrypted. */
  ParameterInfo setValue(
      String folder,
      String project,
      ObjectType objectType,
      String packageOrNull,
      String name,
      String literal);

  /** Makes the server value a reference to a variable of the environment an execution uses. */
  ParameterInfo setReference(
      String folder,
      String project,
      ObjectType objectType,
      String packageOrNull,
      String name,
      String environmentVariableName);

  /** Removes the server value: the design default applies again. */
  ParameterInfo clearValue(
      String folder, String project, ObjectType objectType, String packageOrNull, String name);
}
