package io.sluice.cli.run;

import io.sluice.cli.common.UsageException;
import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.ParameterDefinition;
import io.sluice.engine.project.Project;
import io.sluice.engine.runtime.ParameterValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns {@code --param Name=Value} arguments into typed parameter values. A name may be bare
 * ({@code Name}: the package's parameter, else the project's) or qualified ({@code $Project::Name},
 * {@code $Package::Name}). Every problem is collected so one run lists them all.
 */
final class ParameterArguments {

  private ParameterArguments() {}

  static ParameterValues parse(Project project, PackageDefinition pkg, List<String> arguments) {
    ParameterValues values = ParameterValues.none();
    List<String> problems = new ArrayList<>();
    List<String> given = new ArrayList<>();
    for (String argument : arguments) {
      int eq = argument.indexOf('=');
      if (eq <= 0) {
        problems.add("--param " + argument + ": write Name=Value");
        continue;
      }
      String name = argument.substring(0, eq).trim();
      String text = argument.substring(eq + 1);
      boolean projectScope = name.startsWith("$Project::");
      boolean packageScope = name.startsWith("$Package::");
      String bare = name.contains("::") ? name.substring(name.indexOf("::") + 2) : name;
      Optional<ParameterDefinition> packageParameter =
          projectScope ? Optional.empty() : find(pkg.parameters(), bare);
      Optional<ParameterDefinition> projectParameter =
          packageScope || packageParameter.isPresent()
              ? Optional.empty()
              : find(project.parameters(), bare);
      ParameterDefinition definition = packageParameter.or(() -> projectParameter).orElse(null);
      if (definition == null) {
        problems.add("unknown parameter " + name + sameButForCase(project, pkg, bare));
        continue;
      }
      try {
        Object value = ParameterValues.typed(definition, text);
        if (packageParameter.isPresent()) {
          values = values.withPackage(definition.name(), value);
          given.add("$Package::" + definition.name().toLowerCase());
        } else {
          values = values.withProject(definition.name(), value);
          given.add("$Project::" + definition.name().toLowerCase());
        }
      } catch (IllegalArgumentException e) {
        problems.add("parameter " + name + ": " + e.getMessage());
      }
    }
    missing(project.parameters(), "$Project::", given, problems);
    missing(pkg.parameters(), "$Package::", given, problems);
    if (!problems.isEmpty()) {
      throw new UsageException(
          String.join("; ", problems),
          "parameters of "
              + pkg.name()
              + ": "
              + describe(project.parameters(), "$Project::")
              + describe(pkg.parameters(), "$Package::"));
    }
    return values;
  }

  private static void missing(
      List<ParameterDefinition> definitions,
      String prefix,
      List<String> given,
      List<String> problems) {
    for (ParameterDefinition p : definitions) {
      if (p.required()
          && p.defaultValue() == null
          && !given.contains(prefix + p.name().toLowerCase())) {
        problems.add("required parameter " + prefix + p.name() + " has no value");
      }
    }
  }

  private static String describe(List<ParameterDefinition> definitions, String prefix) {
    StringBuilder s = new StringBuilder();
    for (ParameterDefinition p : definitions) {
      s.append(prefix)
          .append(p.name())
          .append(" (")
          .append(p.type())
          .append(p.required() ? ", required" : "")
          .append(") ");
    }
    return s.length() == 0 && prefix.startsWith("$Package") ? "" : s.toString();
  }

  /** Names are case-sensitive, as in SSIS (and in the catalog, and in expressions). */
  private static Optional<ParameterDefinition> find(List<ParameterDefinition> list, String name) {
    return list.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * " (did you mean Batch? ...)" when a parameter's name differs from {@code bare} only in case.
   */
  private static String sameButForCase(Project project, PackageDefinition pkg, String bare) {
    return java.util.stream.Stream.concat(pkg.parameters().stream(), project.parameters().stream())
        .filter(p -> p.name().equalsIgnoreCase(bare))
        .findFirst()
        .map(
            p -> " (did you mean " + p.name() + "? parameter names are case-sensitive, as in SSIS)")
        .orElse("");
  }
}
