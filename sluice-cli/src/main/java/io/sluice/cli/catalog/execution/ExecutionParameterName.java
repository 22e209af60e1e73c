package io.sluice.cli.catalog.execution;

import io.sluice.catalog.execution.Executions;
import io.sluice.catalog.parameter.ObjectType;
import io.sluice.catalog.parameter.ParameterInfo;
import io.sluice.cli.common.UsageException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which parameter of an execution a name typed on the command line means, so that nobody has to
 * give SSIS's object type codes. {@code $Project::X} and {@code $Package::X} say it outright; a
 * bare name is a system parameter (LOGGING_LEVEL, DUMP_ON_ERROR, SYNCHRONIZED), else the package's
 * parameter, else the project's: the same rule as {@code sluice run --param}.
 */
public final class ExecutionParameterName {

  private static final Set<String> SYSTEM_PARAMETERS =
      Set.of("LOGGING_LEVEL", "DUMP_ON_ERROR", "SYNCHRONIZED");

  private static final Map<String, Integer> OBJECT_TYPES =
      Map.of(
          "project", Executions.PROJECT_PARAMETER,
          "20", Executions.PROJECT_PARAMETER,
          "package", Executions.PACKAGE_PARAMETER,
          "30", Executions.PACKAGE_PARAMETER,
          "system", Executions.SYSTEM_PARAMETER,
          "50", Executions.SYSTEM_PARAMETER);

  /** A parameter as {@link Executions#setParameterValue} takes it. */
  public record Target(int objectType, String name) {}

  private ExecutionParameterName() {}

  /**
   * @param objectTypeOrNull project/package/system or 20/30/50 when the user gave one
   * @param known the parameters of the execution's project
   * @param packageName the package the execution runs
   */
  public static Target resolve(
      String given, String objectTypeOrNull, List<ParameterInfo> known, String packageName) {
    String name = given.trim();
    if (objectTypeOrNull != null) {
      Integer type = OBJECT_TYPES.get(objectTypeOrNull.trim().toLowerCase(Locale.ROOT));
      if (type == null) {
        throw new UsageException(
            "--object-type '" + objectTypeOrNull + "' is not a kind of parameter",
            "use project (20), package (30) or system (50), or leave it out");
      }
      return new Target(type, name);
    }
    if (name.startsWith("$Project::")) {
      return new Target(Executions.PROJECT_PARAMETER, name.substring("$Project::".length()));
    }
    if (name.startsWith("$Package::")) {
      return new Target(Executions.PACKAGE_PARAMETER, name.substring("$Package::".length()));
    }
    if (SYSTEM_PARAMETERS.contains(name.toUpperCase(Locale.ROOT))) {
      return new Target(Executions.SYSTEM_PARAMETER, name.toUpperCase(Locale.ROOT));
    }
    boolean packageParameter =
        known.stream()
            .anyMatch(
                p ->
                    p.objectType() == ObjectType.PACKAGE
                        && p.objectName().equalsIgnoreCase(packageName)
                        && p.name().equalsIgnoreCase(name));
    // Neither kind: the catalog refuses it as a project parameter, listing the real ones.
    return new Target(
        packageParameter ? Executions.PACKAGE_PARAMETER : Executions.PROJECT_PARAMETER, name);
  }
}
