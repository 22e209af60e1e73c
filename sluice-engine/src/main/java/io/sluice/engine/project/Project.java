package io.sluice.engine.project;

import java.util.List;
import java.util.Optional;

/**
 * A project as written in its files: {@code project.yaml} and one {@code packages/*.yaml} per
 * package. Immutable; built by {@link ProjectParser}.
 */
public record Project(
    String name,
    String description,
    List<ParameterDefinition> parameters,
    List<ConnectionDefinition> connections,
    List<PackageDefinition> packages) {

  public Optional<PackageDefinition> findPackage(String packageName) {
    return packages.stream().filter(p -> p.name().equalsIgnoreCase(packageName)).findFirst();
  }

  /**
   * @throws IllegalArgumentException when the project has no package of that name
   */
  public PackageDefinition requirePackage(String packageName) {
    return findPackage(packageName)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "package '" + packageName + "' is not in project " + name));
  }
}
