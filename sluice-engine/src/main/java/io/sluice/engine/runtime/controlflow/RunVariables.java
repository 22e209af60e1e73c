package io.sluice.engine.runtime.controlflow;

import io.sluice.engine.event.SecretMask;
import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.ParameterDefinition;
import io.sluice.engine.project.Project;
import io.sluice.engine.project.VariableDefinition;
import io.sluice.engine.runtime.RunOptions;
import io.sluice.engine.runtime.expression.ExpressionError;
import io.sluice.engine.runtime.expression.ExpressionService;
import io.sluice.engine.runtime.variable.Variable;
import io.sluice.engine.runtime.variable.VariableType;
import io.sluice.engine.runtime.variable.Variables;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Builds the package scope of a run: parameters ({@code $Project::}, {@code $Package::},
 * read-only), System variables, and the package's User variables with their initial values and
 * expressions. Collects problems (a required parameter without a value, a value of the wrong type,
 * a bad expression) for validation to report.
 */
final class RunVariables {

  private final List<String> problems = new ArrayList<>();
  private final List<Variable> changeEvents = new ArrayList<>();
  private final SecretMask secrets;

  /**
   * @param secrets receives the value of every sensitive parameter, before anything can report it
   */
  RunVariables(SecretMask secrets) {
    this.secrets = secrets;
  }

  List<String> problems() {
    return problems;
  }

  /** The variables declared with raiseChangedEvent: true. */
  List<Variable> changeEvents() {
    return changeEvents;
  }

  Variables build(
      Project project,
      PackageDefinition pkg,
      Map<String, Object> projectValues,
      Map<String, Object> packageValues,
      RunOptions options,
      Instant start,
      ExpressionService expressions) {
    Variables scope = Variables.root();
    parameters(scope, "$Project", project.parameters(), projectValues);
    parameters(scope, "$Package", pkg.parameters(), packageValues);
    system(scope, pkg, options, start);
    List<Variable> withExpressions = new ArrayList<>();
    List<String> expressionTexts = new ArrayList<>();
    for (VariableDefinition d : pkg.variables()) {
      VariableType type = VariableType.of(d.type());
      Object initial;
      try {
        initial = type.fromText(d.value());
      } catch (RuntimeException e) {
        problems.add(
            d.location()
                + ": variable "
                + d.qualifiedName()
                + ": \""
                + d.value()
                + "\" is not a "
                + type);
        initial = type.defaultValue();
      }
      Variable v =
          scope.declare(new Variable(d.namespace(), d.name(), type, initial, d.readOnly(), false));
      if (d.raiseChangedEvent()) {
        changeEvents.add(v);
      }
      if (d.expression() != null) {
        withExpressions.add(v);
        expressionTexts.add(d.expression());
      }
    }
    // compiled once every variable exists, so expression variables may refer to each other
    for (int i = 0; i < withExpressions.size(); i++) {
      Variable v = withExpressions.get(i);
      try {
        scope.evaluateAs(v, expressions.compile(expressionTexts.get(i), scope));
      } catch (ExpressionError e) {
        problems.add("variable " + v.qualifiedName() + ": " + e.describe());
      }
    }
    return scope;
  }

  private void parameters(
      Variables scope,
      String namespace,
      List<ParameterDefinition> definitions,
      Map<String, Object> values) {
    Map<String, Object> given = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    given.putAll(values);
    for (ParameterDefinition p : definitions) {
      VariableType type = VariableType.of(p.type().ssisName());
      Object value;
      if (given.containsKey(p.name())) {
        value = given.remove(p.name());
      } else if (p.required()) {
        problems.add(
            "required parameter "
                + namespace
                + "::"
                + p.name()
                + " has no value; give one (sluice run --param "
                + p.name()
                + "=...)");
        value = null;
      } else {
        value = p.defaultValue() == null ? type.defaultValue() : type.fromText(p.defaultValue());
      }
      if (p.sensitive()) {
        secrets.add(value);
      }
      try {
        scope.declare(new Variable(namespace, p.name(), type, value, true, p.sensitive()));
      } catch (IllegalArgumentException e) {
        problems.add("parameter " + namespace + "::" + p.name() + ": " + e.getMessage());
        scope.declare(
            new Variable(namespace, p.name(), type, type.defaultValue(), true, p.sensitive()));
      }
    }
    for (String unknown : given.keySet()) {
      problems.add(
          "parameter "
              + namespace
              + "::"
              + unknown
              + " does not exist"
              + (definitions.isEmpty()
                  ? ""
                  : "; parameters: "
                      + String.join(
                          ", ", definitions.stream().map(ParameterDefinition::name).toList())));
    }
  }

  private static void system(
      Variables scope, PackageDefinition pkg, RunOptions options, Instant start) {
    LocalDateTime startTime = LocalDateTime.ofInstant(start, ZoneId.systemDefault());
    scope.system("PackageName", VariableType.STRING, pkg.name());
    scope.system("StartTime", VariableType.DATE_TIME, startTime);
    scope.system("ContainerStartTime", VariableType.DATE_TIME, startTime);
    scope.system(
        "ExecutionInstanceGUID",
        VariableType.STRING,
        "{" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT) + "}");
    scope.system("ServerExecutionID", VariableType.INT64, options.executionId());
    scope.system("TaskAttempt", VariableType.INT32, options.attempt());
    scope.system("MachineName", VariableType.STRING, machineName());
    scope.system("UserName", VariableType.STRING, System.getProperty("user.name", ""));
    scope.system("TaskName", VariableType.STRING, pkg.name());
  }

  private static String machineName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }
}
