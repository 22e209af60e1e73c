package io.sluice.engine.runtime.task.executepackage;

import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.ParameterDefinition;
import io.sluice.engine.runtime.RunResult;
import io.sluice.engine.runtime.task.Task;
import io.sluice.engine.runtime.task.TaskSettings;
import io.sluice.engine.runtime.task.TaskType;
import java.util.LinkedHashMap;
import java.util.Map;

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
    for (Map.Entry<String, Object> b : settings.map("parameters").entrySet()) {
      String source = String.valueOf(b.getValue());
      if (child != null
          && child.parameters().stream().noneMatch(p -> p.name().equalsIgnoreCase(b.getKey()))) {
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
      bindings.forEach((param, source) -> values.put(param, context.variables().get(source)));
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
}
