package io.sluice.engine.project;

import java.util.List;
import java.util.Optional;

/**
 * What the tasks of one package can refer to by name: connections (the project's and the
 * package's), variables, and project and package parameters.
 */
record PackageScope(
    String packageName,
    List<ConnectionDefinition> connections,
    List<VariableDefinition> variables,
    List<ParameterDefinition> projectParameters,
    List<ParameterDefinition> packageParameters) {

  Optional<ConnectionDefinition> connection(String name) {
    return connections.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
  }

  /**
   * Why a reference such as {@code User::Count}, {@code $Project::DataFolder} or {@code
   * System::StartTime} does not name something this package has, or empty if it does. With {@code
   * written}, the task writes into it, which parameters and read-only variables refuse.
   */
  Optional<String> referenceProblem(String reference, boolean written) {
    int separator = reference.indexOf("::");
    if (separator < 0) {
      return Optional.of(
          "'"
              + reference
              + "' is not a variable or parameter reference; write User::Name,"
              + " $Project::Name or $Package::Name");
    }
    String namespace = reference.substring(0, separator);
    String name = reference.substring(separator + 2);
    if (namespace.equalsIgnoreCase("$Project") || namespace.equalsIgnoreCase("$Package")) {
      boolean project = namespace.equalsIgnoreCase("$Project");
      List<ParameterDefinition> parameters = project ? projectParameters : packageParameters;
      if (parameters.stream().noneMatch(p -> p.name().equalsIgnoreCase(name))) {
        return Optional.of(
            (project ? "project" : "package")
                + " parameter '"
                + name
                + "' is not defined"
                + (project ? " in project.yaml" : " in this package"));
      }
      if (written) {
        return Optional.of(
            "'" + reference + "' is a parameter, and parameters are read-only; use a variable");
      }
      return Optional.empty();
    }
    if (namespace.equalsIgnoreCase("System")) {
      return written
          ? Optional.of("System variables are read-only; use a User:: variable")
          : Optional.empty();
    }
    Optional<VariableDefinition> variable =
        variables.stream().filter(v -> v.qualifiedName().equalsIgnoreCase(reference)).findFirst();
    if (variable.isEmpty()) {
      return Optional.of(
          "variable '" + reference + "' is not defined; add it under 'variables' of the package");
    }
    if (written && variable.get().readOnly()) {
      return Optional.of("variable '" + reference + "' is read-only (readOnly: true)");
    }
    return Optional.empty();
  }
}
