package io.sluice.worker.task;

import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.ParameterDefinition;
import io.sluice.engine.project.Project;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.protocol.worker.ParameterValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The values a master resolved for a task, typed by the project's own parameter definitions, as the
 * in-process server executor does: the same execution runs the same way on a worker.
 */
final class TaskParameters {

  private static final int PROJECT = 20;
  private static final int PACKAGE = 30;

  private TaskParameters() {}

  static ParameterValues values(
      Project project, PackageDefinition pkg, List<ParameterValue> resolved) {
    Map<String, ParameterDefinition> projectParameters = byName(project.parameters());
    Map<String, ParameterDefinition> packageParameters = byName(pkg.parameters());
    Map<String, Object> projectValues = new HashMap<>();
    Map<String, Object> packageValues = new HashMap<>();
    for (ParameterValue p : resolved == null ? List.<ParameterValue>of() : resolved) {
      if (p.value() == null) {
        continue;
      }
      if (p.objectType() == PROJECT && projectParameters.containsKey(p.name())) {
        projectValues.put(
            p.name(), ParameterValues.typed(projectParameters.get(p.name()).type(), p.value()));
      } else if (p.objectType() == PACKAGE && packageParameters.containsKey(p.name())) {
        packageValues.put(
            p.name(), ParameterValues.typed(packageParameters.get(p.name()).type(), p.value()));
      }
    }
    return new ParameterValues(projectValues, packageValues);
  }

  private static Map<String, ParameterDefinition> byName(List<ParameterDefinition> parameters) {
    return parameters.stream()
        .collect(Collectors.toMap(ParameterDefinition::name, Function.identity()));
  }
}
