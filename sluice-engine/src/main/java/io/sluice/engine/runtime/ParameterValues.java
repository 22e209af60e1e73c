package io.sluice.engine.runtime;

import io.sluice.engine.project.ParameterDefinition;
import io.sluice.engine.project.ParameterType;
import io.sluice.engine.runtime.variable.VariableType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameter values of one run, already resolved by the caller (design default, server default,
 * environment, execution value) and typed. Parameters missing here take their design default; a
 * required parameter without a value fails validation.
 */
public record ParameterValues(Map<String, Object> project, Map<String, Object> packageValues) {

  public static ParameterValues none() {
    return new ParameterValues(Map.of(), Map.of());
  }

  public ParameterValues {
    project = Map.copyOf(project);
    packageValues = Map.copyOf(packageValues);
  }

  /** The typed value of {@code text} for a parameter of {@code type}. */
  public static Object typed(ParameterType type, String text) {
    return typed(type, text, false);
  }

  /**
   * The typed value of {@code text} for {@code parameter}; when it is sensitive, the reason a value
   * is refused does not quote it.
   */
  public static Object typed(ParameterDefinition parameter, String text) {
    return typed(parameter.type(), text, parameter.sensitive());
  }

  private static Object typed(ParameterType type, String text, boolean sensitive) {
    type.invalidValue(text, sensitive)
        .ifPresent(
            why -> {
              throw new IllegalArgumentException(why);
            });
    return VariableType.of(type.ssisName()).fromText(text);
  }

  public ParameterValues withProject(String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(project);
    copy.put(name, value);
    return new ParameterValues(copy, packageValues);
  }

  public ParameterValues withPackage(String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(packageValues);
    copy.put(name, value);
    return new ParameterValues(project, copy);
  }
}
