package io.sluice.catalog.environment;

import java.util.List;

/**
 * Environments, their variables, and the references that let a project's executions use them (SSIS
 * environments, environment_variables, environment_references).
 */
public interface Environments {

  Environment create(String folder, String name, String description);

  /** Environments of {@code folder}, or of every folder when null. */
  List<Environment> list(String folderOrNull);

  Environment get(String folder, String name);

  Environment setDescription(String folder, String name, String description);

  /**
   * Deletes the environment and its variables. References to it stay, shown as missing, as in SSIS:
   * recreating the environment makes them work again.
   */
  void delete(String folder, String name);

  /**
   * Creates the variable or replaces its type, value and sensitivity. The value is checked against
   * the type; a sensitive value is stored encrypted only. A null description keeps the old one.
   */
  EnvironmentVariable setVariable(
      String folder,
      String environment,
      String name,
      VariableType type,
      String value,
      boolean sensitive,
      String description);

  /** The variables of an environment, by name; sensitive values masked. */
  List<EnvironmentVariable> listVariables(String folder, String environment);

  void deleteVariable(String folder, String environment, String name);

  /**
   * Lets {@code project} run with an environment: RELATIVE looks it up in the project's folder
   * ({@code environmentFolderOrNull} must be null), ABSOLUTE in {@code environmentFolderOrNull}.
   * The environment must exist now.
   */
  EnvironmentReference addReference(
      String folder,
      String project,
      ReferenceType type,
      String environmentFolderOrNull,
      String environmentName);

  List<EnvironmentReference> listReferences(String folder, String project);

  void deleteReference(long referenceId);
}
