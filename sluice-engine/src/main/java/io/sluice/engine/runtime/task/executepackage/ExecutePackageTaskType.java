package io.sluice.engine.runtime.task.executepackage;

import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.ParameterDefinition;
import io.sluice.engine.runtime.RunResult;
import io.sluice.engine.runtime.task.Task;
import io.sluice.engine.runtime.task.TaskSettings;
import io.sluice.engine.runtime.task.TaskType;
import io.sluice.engine.runtime.variable.Variable;
import io.sluice.engine.runtime.variable.VariableException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Execute Package: runs another package of the same project (SSIS's project reference) and waits
 * for it; the task fails when the child fails. Child package parameters are bound to variables or
 * parameters of the parent: {@code parameters: {ChildParam: User::Var}}.
 */
public final class ExecutePackageTaskType implements TaskType {

  @Override
  public String name() {
    return "ExecutePackage";
  }

  @Override
  public Task prepare(TaskSettings settings) {
    String packageName = settings.requiredString("package");
    PackageDefinition child =
        packageName == null ? null : settings.project().findPackage(packageName).orElse(null);
    if (packageName != null && child == null) {
      settings.problem(
          "package '"
              + packageName
              + "' is not in the project; packages: "
              + String.join(
                  ", ",
                  settings.project().packages().stream().map(PackageDefinition::name).toList()));
    }
    Map<String, String> bindings = new LinkedHashMap<>();
    Set<String> sensitive = new HashSet<>();
    for (Map.Entry<String, Object> b : settings.map("parameters").entrySet()) {
      String source = String.valueOf(b.getValue());
      ParameterDefinition target =
          child == null
              ? null
              : child.parameters().stream()
                  .filter(p -> p.name().equalsIgnoreCase(b.getKey()))
                  .findFirst()
                  .orElse(null);
      if (target != null && target.sensitive()) {
        sensitive.add(b.getKey());
      } else if (target != null && sensitiveSource(settings, source)) {
        // SSIS DTS_E_TKEXECPACKAGE_REQUIRESENSITIVEPARAMETER
        settings.problem(
            "parameter "
                + b.getKey()
                + " of package '"
                + child.name()
                + "' is not sensitive, but it is bound to sensitive parameter "
                + source
                + "; mark it sensitive: true in that package");
      }
      if (child != null && target == null) {
        settings.problem(
            "package '"
                + child.name()
                + "' has no parameter '"
                + b.getKey()
                + "'; its parameters: "
                + String.join(
                    ", ", child.parameters().stream().map(ParameterDefinition::name).toList()));
      }
      bindings.put(b.getKey(), settings.variable(source, false, "parameter " + b.getKey()));
    }
    String target = child == null ? packageName : child.name();
    return context -> {
      Map<String, Object> values = new LinkedHashMap<>();
      // SSIS: a child parameter that is sensitive may take a sensitive value; no other may
      bindings.forEach(
          (param, source) ->
              values.put(
                  param,
                  sensitive.contains(param)
                      ? context.variables().sensitiveValue(source)
                      : context.variables().get(source)));
      context.information("running package " + target);
      RunResult result = context.runPackage(target, values);
      if (result.status() == RunResult.Status.CANCELED) {
        throw new InterruptedException("package " + target + " was canceled");
      }
      if (!result.succeeded()) {
        throw new IllegalStateException(
            "package " + target + " failed with " + result.errorCount() + " error(s)");
      }
    };
  }

  private static boolean sensitiveSource(TaskSettings settings, String source) {
    try {
      return settings.variables().find(source).map(Variable::sensitive).orElse(false);
    } catch (VariableException ambiguous) {
      return false; // reported by settings.variable
    }
  }
}
