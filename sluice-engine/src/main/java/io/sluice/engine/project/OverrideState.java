package io.sluice.engine.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The model as the overrides so far left it, while {@link PropertyOverrides#apply} goes through
 * them in order. Each kind of target has its own class that reads and changes this state: {@link
 * VariableOverrides} (variables and parameters), {@link ConnectionOverrides}, {@link TaskOverrides}
 * and {@link PackagePropertyOverrides}.
 */
final class OverrideState {
  final Project project;
  PackageDefinition pkg;
  final List<ConnectionDefinition> projectConnections;
  final Map<String, String> projectParameters = new LinkedHashMap<>();
  final Map<String, String> packageParameters = new LinkedHashMap<>();
  final List<String> notes = new ArrayList<>();
  final List<String> problems = new ArrayList<>();

  OverrideState(Project project, PackageDefinition pkg) {
    this.project = project;
    this.pkg = pkg;
    this.projectConnections = new ArrayList<>(project.connections());
  }

  /**
   * @throws IllegalArgumentException when the path names nothing, a property Sluice cannot set, or
   *     the value does not fit
   */
  void apply(PropertyOverride o) {
    PropertyPath p = PropertyPath.parse(o.path());
    if (p.collection() == null) {
      if (p.containers().isEmpty()) {
        PackagePropertyOverrides.apply(this, o, p);
      } else {
        TaskOverrides.apply(this, o, p);
      }
      return;
    }
    if (!p.containers().isEmpty()) {
      throw PropertyPath.bad(
          o.path(),
          "Sluice's "
              + p.collection().toLowerCase(Locale.ROOT)
              + " belong to the package, not to a task; write \\Package."
              + p.collection()
              + "["
              + p.key()
              + "]");
    }
    switch (p.collection()) {
      case "Connections" -> ConnectionOverrides.apply(this, o, p);
      case "Variables" -> {
        if (p.key().startsWith("$")) {
          VariableOverrides.parameter(this, o, p);
        } else {
          VariableOverrides.variable(this, o, p);
        }
      }
      default ->
          throw PropertyPath.bad(
              o.path(),
              "SSIS sets a parameter as \\Package.Variables[$Package::Name] or"
                  + " \\Package.Variables[$Project::Name]");
    }
  }

  /**
   * Notes that {@code owner} computes {@code setting} with a property expression, which wins over
   * the override's value (as in SSIS): the run goes on, but the user should know.
   */
  void noteExpressionReplaces(String owner, String setting, PropertyOverride o, String when) {
    notes.add(
        owner
            + " computes '"
            + setting
            + "' with a property expression, which replaces the value of "
            + o.path()
            + when
            + " (as in SSIS)");
  }
}
