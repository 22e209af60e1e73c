package io.sluice.engine.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code \Package.Variables[User::X]} sets a variable's value; {@code
 * \Package.Variables[$Package::P]} and {@code [$Project::P]} set a parameter's (dtexec with {@code
 * /Project}). Both are checked against their type; a variable with an expression keeps it, as in
 * SSIS.
 */
final class VariableOverrides {

  private VariableOverrides() {}

  static void variable(OverrideState s, PropertyOverride o, PropertyPath p) {
    requireValueProperty(o, p);
    String key = p.key();
    List<VariableDefinition> variables = s.pkg.variables();
    Optional<VariableDefinition> found =
        key.contains("::")
            ? variables.stream().filter(v -> v.qualifiedName().equalsIgnoreCase(key)).findFirst()
            : variables.stream()
                .filter(v -> v.name().equalsIgnoreCase(key))
                .min(
                    (a, b) ->
                        a.namespace().equals("User") ? -1 : b.namespace().equals("User") ? 1 : 0);
    VariableDefinition v =
        found.orElseThrow(
            () ->
                PropertyPath.bad(
                    o.path(),
                    "package "
                        + s.pkg.name()
                        + " has no variable "
                        + key
                        + "; its variables: "
                        + OverrideValues.namesOrNone(
                            variables.stream().map(VariableDefinition::qualifiedName).toList())));
    VariableTypes.invalidValue(v.type(), o.value())
        .ifPresent(
            why -> {
              throw PropertyPath.bad(
                  o.path(),
                  "variable "
                      + v.qualifiedName()
                      + " is "
                      + v.type()
                      + ": "
                      + (o.sensitive() ? "the value given is not one" : why));
            });
    if (v.expression() != null) {
      s.notes.add(
          "variable "
              + v.qualifiedName()
              + " is computed by its expression (EvaluateAsExpression), which replaces the"
              + " value of "
              + o.path()
              + " (as in SSIS)");
    }
    VariableDefinition changed = v.withValue(o.value());
    List<VariableDefinition> list = new ArrayList<>(variables);
    list.replaceAll(d -> d == v ? changed : d);
    s.pkg = s.pkg.withVariables(list);
  }

  static void parameter(OverrideState s, PropertyOverride o, PropertyPath p) {
    requireValueProperty(o, p);
    String key = p.key();
    int separator = key.indexOf("::");
    String scope = separator < 0 ? "" : key.substring(0, separator);
    boolean projectScope = scope.equalsIgnoreCase("$Project");
    if (!projectScope && !scope.equalsIgnoreCase("$Package")) {
      throw PropertyPath.bad(o.path(), "write $Package::Name or $Project::Name for a parameter");
    }
    String name = key.substring(separator + 2);
    List<ParameterDefinition> parameters =
        projectScope ? s.project.parameters() : s.pkg.parameters();
    ParameterDefinition d =
        OverrideValues.named(
            o,
            parameters,
            ParameterDefinition::name,
            name,
            () ->
                (projectScope ? "project " + s.project.name() : "package " + s.pkg.name())
                    + " has no parameter "
                    + name
                    + "; its parameters: ");
    d.type()
        .invalidValue(o.value(), d.sensitive() || o.sensitive())
        .ifPresent(
            why -> {
              throw PropertyPath.bad(o.path(), "parameter " + key + ": " + why);
            });
    (projectScope ? s.projectParameters : s.packageParameters).put(d.name(), o.value());
  }

  private static void requireValueProperty(PropertyOverride o, PropertyPath p) {
    if (p.property() != null && !p.property().equalsIgnoreCase("Value")) {
      throw PropertyPath.bad(
          o.path(), "Sluice sets only the Value of a variable or parameter, not " + p.property());
    }
  }
}
