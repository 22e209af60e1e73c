package io.sluice.engine.runtime.controlflow;

import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.SourceLocation;
import io.sluice.engine.project.TaskDefinition;
import io.sluice.engine.runtime.connection.ConnectionFailedException;
import io.sluice.engine.runtime.connection.Connections;
import io.sluice.engine.runtime.controlflow.foreach.ForeachEnumerators;
import io.sluice.engine.runtime.expression.Assignment;
import io.sluice.engine.runtime.expression.CompiledExpression;
import io.sluice.engine.runtime.expression.ExpressionError;
import io.sluice.engine.runtime.expression.ExpressionService;
import io.sluice.engine.runtime.task.TaskSettings;
import io.sluice.engine.runtime.task.TaskType;
import io.sluice.engine.runtime.task.TaskTypeRegistry;
import io.sluice.engine.runtime.variable.Variables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validation: turns a package definition into an {@link ExecutablePlan} tree, checking every task's
 * settings and compiling every expression before anything runs. Emits PreValidate and PostValidate
 * per executable, and one Error event per problem naming the package, the task, the file position
 * and the cause.
 */
final class PlanBuilder {

  private static final Set<String> FOR_LOOP_KEYS =
      Set.of("initExpression", "evalExpression", "assignExpression");

  private final PackageDefinition pkg;
  private final Project project;
  private final ProjectFiles files;
  private final Connections connections;
  private final ExpressionService expressions;
  private final TaskTypeRegistry registry;
  private final EventRouter events;
  private final List<String> problems = new ArrayList<>();

  PlanBuilder(
      PackageDefinition pkg,
      Project project,
      ProjectFiles files,
      Connections connections,
      ExpressionService expressions,
      TaskTypeRegistry registry,
      EventRouter events) {
    this.pkg = pkg;
    this.project = project;
    this.files = files;
    this.connections = connections;
    this.expressions = expressions;
    this.registry = registry;
    this.events = events;
  }

  /** Problems found, each already raised as an Error event. */
  List<String> problems() {
    return problems;
  }

  /**
   * The plan of the package, whose executable path is {@code path}. {@code earlierProblems}
   * (variables, parameters, connections) are reported inside the package's
   * PreValidate/PostValidate.
   */
  ExecutablePlan build(String path, Variables scope, List<String> earlierProblems) {
    events.emit(pkg.name(), path, MessageType.PRE_VALIDATE, "Validating package " + pkg.name());
    for (String p : earlierProblems) {
      problem(pkg.name(), path, pkg.location(), p);
    }
    TaskSettings settings = settings(pkg.name(), pkg.properties(), scope);
    ExecutableOptions options = ExecutableOptions.read(settings);
    int maxConcurrent = settings.integer("maxConcurrentExecutables", -1);
    if (maxConcurrent == 0 || maxConcurrent < -1) {
      settings.problem("'maxConcurrentExecutables' must be -1 (cores + 2) or a positive number");
    }
    report(pkg.name(), path, pkg.location(), settings.problems("package", Set.of()));
    ExecutablePlan root =
        new ExecutablePlan(pkg.name(), ExecutablePlan.Kind.PACKAGE, false, pkg.location(), options);
    root.maxConcurrentExecutables = Math.max(maxConcurrent, 0);
    root.children = executables(pkg.tasks(), path, scope);
    root.handlers = handlers(pkg.eventHandlers(), path, scope);
    events.emit(
        pkg.name(),
        path,
        MessageType.POST_VALIDATE,
        problems.isEmpty()
            ? "Validation of package " + pkg.name() + " succeeded"
            : "Validation of package " + pkg.name() + " found " + problems.size() + " problem(s)");
    return root;
  }

  private List<ExecutablePlan> executables(
      List<TaskDefinition> definitions, String parentPath, Variables scope) {
    List<ExecutablePlan> result = new ArrayList<>();
    for (TaskDefinition d : definitions) {
      result.add(executable(d, parentPath + "\\" + d.name(), scope));
    }
    return List.copyOf(result);
  }

  private Map<String, List<ExecutablePlan>> handlers(
      Map<String, List<TaskDefinition>> definitions, String ownerPath, Variables scope) {
    Map<String, List<ExecutablePlan>> result = new LinkedHashMap<>();
    for (Map.Entry<String, List<TaskDefinition>> h : definitions.entrySet()) {
      Variables handlerScope = scope.child();
      EventRouter.declareHandlerVariables(handlerScope, "", "", 0, "");
      String path = ownerPath + ".EventHandlers[" + h.getKey() + "]";
      result.put(h.getKey(), executables(h.getValue(), path, handlerScope));
    }
    return result;
  }

  private ExecutablePlan executable(TaskDefinition d, String path, Variables scope) {
    events.emit(d.name(), path, MessageType.PRE_VALIDATE, "Validating " + d.name());
    int before = problems.size();
    Map<String, CompiledExpression> propertyExpressions = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : d.expressions().entrySet()) {
      compile(d, path, "expression for '" + e.getKey() + "'", e.getValue(), scope)
          .ifPresent(c -> propertyExpressions.put(e.getKey(), c));
    }
    // disabled and description are the executable's, not the task type's settings: an expression
    // on them must not reach the task as an unknown setting
    CompiledExpression disabledWhen = propertyExpressions.remove("disabled");
    propertyExpressions.remove("description"); // compiled, so checked; nothing runs by it
    Map<String, Object> effective = designValues(d.properties(), propertyExpressions, scope);
    TaskSettings settings = settings(d.name(), effective, scope);
    ExecutableOptions options = ExecutableOptions.read(settings);
    ExecutablePlan.Kind kind =
        switch (d.type()) {
          case "Sequence" -> ExecutablePlan.Kind.SEQUENCE;
          case "ForLoop" -> ExecutablePlan.Kind.FOR_LOOP;
          case "ForeachLoop" -> ExecutablePlan.Kind.FOREACH_LOOP;
          default -> ExecutablePlan.Kind.TASK;
        };
    ExecutablePlan plan = new ExecutablePlan(d.name(), kind, d.disabled(), d.location(), options);
    plan.propertyExpressions = Map.copyOf(propertyExpressions);
    plan.disabledWhen = disabledWhen;
    plan.properties = d.properties();
    plan.after = d.after();
    plan.afterMode = d.afterMode();
    List<CompiledExpression> constraintExpressions = new ArrayList<>();
    for (TaskDefinition.Constraint c : d.after()) {
      constraintExpressions.add(
          c.expression() == null
              ? null
              : compile(d, path, "constraint after '" + c.task() + "'", c.expression(), scope)
                  .orElse(null));
    }
    plan.constraintExpressions = java.util.Collections.unmodifiableList(constraintExpressions);
    switch (kind) {
      case TASK -> {
        if (d.disabled() || disabledAtStart(disabledWhen, scope)) {
          // SSIS validates no disabled task: one switched off (its file missing, say) must not
          // fail the package; an expression that enables it later has it prepared when it runs
          resolveType(d, plan, settings);
          settings.ignoreUnknown();
        } else {
          prepareTask(d, plan, settings);
        }
      }
      case FOR_LOOP -> prepareForLoop(d, path, plan, settings, scope);
      case FOREACH_LOOP -> ForeachEnumerators.check(settings);
      default -> {}
    }
    report(d.name(), path, d.location(), settings.problems(d.type(), Set.of()));
    plan.children = executables(d.tasks(), path, scope);
    plan.handlers = handlers(d.eventHandlers(), path, scope);
    int found = problems.size() - before;
    events.emit(
        d.name(),
        path,
        MessageType.POST_VALIDATE,
        found == 0
            ? "Validation of " + d.name() + " succeeded"
            : "Validation of " + d.name() + " found " + found + " problem(s)");
    return plan;
  }

  /** The expression for 'disabled' says true with the values the package starts with. */
  private static boolean disabledAtStart(CompiledExpression disabledWhen, Variables scope) {
    if (disabledWhen == null) {
      return false;
    }
    try {
      return Boolean.TRUE.equals(disabledWhen.evaluate(scope));
    } catch (RuntimeException e) {
      return false; // not decidable yet (a variable set later): validated as an enabled task
    }
  }

  private void resolveType(TaskDefinition d, ExecutablePlan plan, TaskSettings settings) {
    TaskType type = registry.find(d.type()).orElse(null);
    if (type == null) {
      settings.problem("no implementation of task type '" + d.type() + "' is registered");
      return;
    }
    plan.taskType = type;
  }

  private void prepareTask(TaskDefinition d, ExecutablePlan plan, TaskSettings settings) {
    TaskType type = registry.find(d.type()).orElse(null);
    if (type == null) {
      settings.problem("no implementation of task type '" + d.type() + "' is registered");
      settings.ignoreUnknown();
      return;
    }
    plan.taskType = type;
    plan.task = type.prepare(settings);
  }

  private void prepareForLoop(
      TaskDefinition d, String path, ExecutablePlan plan, TaskSettings settings, Variables scope) {
    String init = settings.string("initExpression");
    String eval = settings.requiredString("evalExpression");
    String assign = settings.string("assignExpression");
    try {
      plan.forInit = init == null ? null : Assignment.compile(init, expressions, scope);
    } catch (ExpressionError e) {
      settings.problem("initExpression: " + e.describe());
    }
    if (eval != null) {
      plan.forEval = compile(d, path, "evalExpression", eval, scope).orElse(null);
    }
    try {
      plan.forAssign = assign == null ? null : Assignment.compile(assign, expressions, scope);
    } catch (ExpressionError e) {
      settings.problem("assignExpression: " + e.describe());
    }
  }

  /**
   * The settings at validation: property expressions are evaluated with the variables' initial
   * values when they can be; when they cannot yet (a loop variable still empty), the value as
   * written is checked instead and the expression is evaluated again before the task runs.
   */
  private static Map<String, Object> designValues(
      Map<String, Object> written, Map<String, CompiledExpression> expressions, Variables scope) {
    Map<String, Object> values = new LinkedHashMap<>(written);
    for (Map.Entry<String, CompiledExpression> e : expressions.entrySet()) {
      try {
        PropertyValues.put(values, e.getKey(), e.getValue().evaluate(scope));
      } catch (RuntimeException notYet) {
        PropertyValues.put(values, e.getKey(), "");
      }
    }
    return values;
  }

  private java.util.Optional<CompiledExpression> compile(
      TaskDefinition d, String path, String what, String text, Variables scope) {
    try {
      return java.util.Optional.of(expressions.compile(text, scope));
    } catch (ExpressionError e) {
      problem(d.name(), path, d.location(), what + ": " + e.describe());
      return java.util.Optional.empty();
    }
  }

  private TaskSettings settings(String name, Map<String, Object> values, Variables scope) {
    return new TaskSettings(name, values, scope, connections, project, files, expressions);
  }

  private void report(String name, String path, SourceLocation at, List<String> found) {
    for (String p : found) {
      problem(name, path, at, p);
    }
  }

  private void problem(String name, String path, SourceLocation at, String cause) {
    String message =
        (at == null ? "" : at + ": ")
            + "package '"
            + pkg.name()
            + "'"
            + (name.equals(pkg.name()) && path.equals("\\" + pkg.name())
                ? ""
                : ", task '" + name + "'")
            + ": "
            + cause;
    problems.add(message);
    String failedConnection = ConnectionFailedException.connectionNamedIn(cause);
    if (failedConnection != null) {
      // As a failure while running is raised (ExecutableRunner): the catalog's Connections
      // report finds it by this code and the connection manager as the subcomponent.
      events.emit(
          name, path, MessageType.ERROR, failedConnection, message, ConnectionFailedException.CODE);
    } else {
      events.emit(name, path, MessageType.ERROR, message);
    }
  }
}
