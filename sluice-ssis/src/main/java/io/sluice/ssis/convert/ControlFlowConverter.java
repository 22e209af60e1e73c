package io.sluice.ssis.convert;

import io.sluice.engine.project.ObjectNames;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.project.TaskDefinition;
import io.sluice.engine.project.TaskDefinition.Constraint;
import io.sluice.engine.project.TaskDefinition.ConstraintMode;
import io.sluice.engine.project.TaskDefinition.Outcome;
import io.sluice.ssis.SsisImportException;
import io.sluice.ssis.report.ImportEntry.ElementKind;
import io.sluice.ssis.xml.Dts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * The control flow: executables in their original order, containers with their children, precedence
 * constraints, event handlers, and the settings every executable has.
 *
 * <p>Mapping decisions. A task the engine has a type for is converted by {@link TaskConverters};
 * anything else becomes an {@code Unsupported} task in the same place, with the same name,
 * constraints and {@code disabled} flag, whose message is the report's reason and remedy: the
 * package keeps its shape, validates, and fails at that task only if the run reaches it (a disabled
 * one never does). A container that cannot be converted takes its children with it, and each child
 * is listed as left out, so the report still shows every element. Constraints keep SSIS's value
 * (success, failure, completion) and expression; Expression-only becomes completion with the
 * expression (the same thing), ExpressionOrConstraint, which Sluice has no form for, becomes the
 * stricter ExpressionAndConstraint and is reported.
 */
final class ControlFlowConverter {

  private final PackageContext ctx;
  private final TaskConverters tasks;

  ControlFlowConverter(PackageContext ctx) {
    this.ctx = ctx;
    this.tasks = new TaskConverters(ctx, this);
  }

  /** The tasks of a package, container or event handler, in their original order. */
  List<TaskDefinition> tasks(Element container, String containerPath) {
    List<Draft> drafts = new ArrayList<>();
    for (Element e : Dts.list(container, "Executables", "Executable")) {
      drafts.add(executable(e, containerPath));
    }
    constraints(container, containerPath, drafts);
    return drafts.stream().map(Draft::build).toList();
  }

  /** Event handlers of the package or an executable, by event name. */
  Map<String, List<TaskDefinition>> eventHandlers(Element owner, String ownerPath) {
    Map<String, List<TaskDefinition>> handlers = new LinkedHashMap<>();
    for (Element h : Dts.list(owner, "EventHandlers", "EventHandler")) {
      String event = Dts.prop(h, "EventName");
      String refId = Dts.attr(h, "refId");
      String path = refId != null ? "\\" + refId : ownerPath + ".EventHandlers[" + event + "]";
      if (event == null || !ProjectParser.EVENT_HANDLERS.contains(event)) {
        ctx.leftOut(
            path,
            ElementKind.EVENT_HANDLER,
            "event handler",
            "Sluice raises no " + event + " event",
            "move its work to an OnError, OnPostExecute or another handler Sluice raises");
        leftOutDescendants(h, path, "its event handler was left out");
        continue;
      }
      List<TaskDefinition> list = tasks(h, path);
      if (list.isEmpty()) {
        ctx.converted(path, ElementKind.EVENT_HANDLER, "event handler");
        continue; // an empty handler does nothing in SSIS either
      }
      handlers.put(event, list);
      ctx.converted(path, ElementKind.EVENT_HANDLER, "event handler");
    }
    return handlers;
  }

  private Draft executable(Element e, String containerPath) {
    Draft d = new Draft();
    String name = Dts.prop(e, "ObjectName");
    d.refId = Dts.attr(e, "refId");
    d.path = d.refId != null ? "\\" + d.refId : containerPath + "\\" + name;
    d.name = name;
    Optional<String> nameProblem = ObjectNames.problem("task", name);
    if (nameProblem.isPresent()) {
      d.name = safeName(name);
    }
    d.description = Dts.description(Dts.prop(e, "Description"));
    d.disabled = Dts.isTrue(Dts.prop(e, "Disabled"));
    d.location = ctx.location(e);
    commonSettings(e, d);
    String ssisType = ssisType(e);
    int slot = ctx.project.findings.mark();
    TaskConverters.Outcome outcome = convertGuarded(e, d, ssisType, slot);
    ElementKind kind =
        (d.type != null
                    && TaskConverters.CONTAINERS.contains(d.type)
                    && !TaskConverters.isDataFlow(ssisType))
                || isContainer(ssisType)
            ? ElementKind.CONTAINER
            : ElementKind.TASK; // an empty data flow, written as an empty Sequence, is a task
    if (outcome.placeholderReason() != null && outcome.stub()) {
      // a task of the real type that cannot yet do what it did in SSIS: counted as a placeholder
      d.expressions.clear();
      ctx.placeholder(d.path, kind, ssisType, outcome.placeholderReason(), outcome.todo());
      ctx.project.findings.moveLastTo(slot);
      d.eventHandlers = eventHandlers(e, d.path);
    } else if (outcome.placeholderReason() != null) {
      d.type = "Unsupported";
      d.properties.keySet().retainAll(COMMON_SETTINGS);
      d.expressions.clear();
      d.tasks = List.of();
      d.properties.put("ssisType", ssisType);
      d.properties.put(
          "message",
          outcome.placeholderReason()
              + (outcome.todo() == null ? "" : ". What to do: " + outcome.todo()));
      ctx.placeholder(d.path, kind, ssisType, outcome.placeholderReason(), outcome.todo());
      ctx.project.findings.moveLastTo(slot);
      if (!outcome.childrenReported()) {
        leftOutDescendants(e, d.path, "its container " + d.path + " became a placeholder");
      }
      d.eventHandlers = eventHandlers(e, d.path);
    } else {
      propertyExpressions(e, d, ssisType, outcome.expressionTargets());
      d.eventHandlers = eventHandlers(e, d.path);
      List<String> notes = new ArrayList<>(outcome.notes());
      if (nameProblem.isPresent()) {
        notes.add(nameProblem.get() + "; it is named '" + d.name + "' here");
      }
      if (notes.isEmpty()) {
        ctx.converted(d.path, kind, ssisType);
      } else {
        ctx.convertedWithNote(d.path, kind, ssisType, String.join("; ", notes), outcome.todo());
      }
      ctx.project.findings.moveLastTo(slot);
    }
    return d;
  }

  /**
   * Converts one executable; one that breaks the converter (XML unlike any package seen here, say a
   * parameter binding without its name) becomes a placeholder saying so, instead of costing the
   * whole import: an importer meets packages nobody here has seen. What it had recorded goes.
   */
  private TaskConverters.Outcome convertGuarded(Element e, Draft d, String ssisType, int slot) {
    try {
      return tasks.convert(e, d, ssisType);
    } catch (SsisImportException unreadable) {
      throw unreadable;
    } catch (RuntimeException unexpected) {
      ctx.project.findings.dropSince(slot);
      d.tasks = List.of();
      return TaskConverters.Outcome.placeholder(
          "its XML is not as this importer expects ("
              + unexpected.getClass().getSimpleName()
              + (unexpected.getMessage() == null ? "" : ": " + unexpected.getMessage())
              + " at line "
              + io.sluice.ssis.xml.SafeXml.line(e)
              + ")",
          "open the package in Visual Studio, check this task, save and import again; if it"
              + " still fails, please report the package");
    }
  }

  private static final List<String> COMMON_SETTINGS =
      List.of(
          "maximumErrorCount",
          "forceExecutionResult",
          "failPackageOnFailure",
          "failParentOnFailure");

  private void commonSettings(Element e, Draft d) {
    unsupportedSettings(ctx, e, d.path);
    String max = Dts.prop(e, "MaximumErrorCount");
    if (max != null && !max.trim().equals("1")) {
      try {
        d.properties.put("maximumErrorCount", Long.parseLong(max.trim()));
      } catch (NumberFormatException ignored) {
        // SSIS writes a number; anything else keeps the default
      }
    }
    String force = Dts.prop(e, "ForceExecutionResult");
    if (force != null) {
      String result =
          switch (force.trim()) {
            case "0" -> "success";
            case "1" -> "failure";
            case "2" -> "completion";
            default -> null;
          };
      if (result != null) {
        d.properties.put("forceExecutionResult", result);
      }
    }
    if (Dts.isTrue(Dts.prop(e, "FailPackageOnFailure"))) {
      d.properties.put("failPackageOnFailure", true);
    }
    if (Dts.isTrue(Dts.prop(e, "FailParentOnFailure"))) {
      d.properties.put("failParentOnFailure", true);
    }
  }

  private static final Map<String, String> COMMON_EXPRESSIONS =
      Map.of(
          "Disable", "disabled",
          "Description", "description",
          "MaximumErrorCount", "maximumErrorCount",
          "ForceExecutionResult", "forceExecutionResult",
          "FailPackageOnFailure", "failPackageOnFailure",
          "FailParentOnFailure", "failParentOnFailure");

  private void propertyExpressions(
      Element e, Draft d, String ssisType, Map<String, String> typeTargets) {
    for (Element pe : Dts.children(e, "PropertyExpression")) {
      String property = Dts.attr(pe, "Name");
      String target = typeTargets.getOrDefault(property, COMMON_EXPRESSIONS.get(property));
      Optional<String> missing = SystemVariables.missingIn(pe.getTextContent());
      if (target != null && missing.isPresent()) {
        ctx.leftOut(
            d.path + ".Properties[" + property + "]",
            ElementKind.PROPERTY,
            "property expression",
            SystemVariables.why(missing.get(), pe.getTextContent())
                + "; the task keeps its design value",
            SystemVariables.TODO);
      } else if (target != null) {
        d.expressions.put(target, pe.getTextContent());
      } else {
        ctx.leftOut(
            d.path + ".Properties[" + property + "]",
            ElementKind.PROPERTY,
            "property expression",
            "the expression "
                + pe.getTextContent().trim()
                + " sets "
                + property
                + ", which the "
                + d.type
                + " task has no setting for",
            "compute the value another way (a variable set before the task)");
      }
    }
  }

  private void constraints(Element container, String containerPath, List<Draft> drafts) {
    Map<String, Draft> byRef = new LinkedHashMap<>();
    for (Draft d : drafts) {
      if (d.refId != null) {
        byRef.put(d.refId.toLowerCase(Locale.ROOT), d);
      }
      byRef.putIfAbsent(d.path.substring(1).toLowerCase(Locale.ROOT), d);
    }
    Map<Draft, List<Boolean>> logicalAnd = new LinkedHashMap<>();
    for (Element pc : Dts.list(container, "PrecedenceConstraints", "PrecedenceConstraint")) {
      String refId = Dts.attr(pc, "refId");
      String path =
          refId != null
              ? "\\" + refId
              : containerPath + ".PrecedenceConstraints[" + Dts.prop(pc, "ObjectName") + "]";
      String from = Dts.prop(pc, "From");
      String to = Dts.prop(pc, "To");
      Draft source = from == null ? null : byRef.get(from.toLowerCase(Locale.ROOT));
      Draft target = to == null ? null : byRef.get(to.toLowerCase(Locale.ROOT));
      if (source == null || target == null) {
        ctx.leftOut(
            path,
            ElementKind.CONSTRAINT,
            "precedence constraint",
            "it joins " + from + " to " + to + ", not both tasks of this container",
            "draw it again by hand (after: on the second task)");
        continue;
      }
      if (target.after.stream().anyMatch(c -> c.task().equalsIgnoreCase(source.name))) {
        ctx.leftOut(
            path,
            ElementKind.CONSTRAINT,
            "precedence constraint",
            "a second constraint from "
                + source.name
                + " to "
                + target.name
                + "; Sluice keeps one per pair",
            "merge the two into one constraint with an expression");
        continue;
      }
      Outcome on =
          switch (Optional.ofNullable(Dts.prop(pc, "Value")).orElse("0").trim()) {
            case "1" -> Outcome.FAILURE;
            case "2" -> Outcome.COMPLETION;
            default -> Outcome.SUCCESS;
          };
      String evalOp = Optional.ofNullable(Dts.prop(pc, "EvalOp")).orElse("2").trim();
      String expression = Dts.prop(pc, "Expression");
      String note = null;
      switch (evalOp) {
        case "1" -> on = Outcome.COMPLETION; // expression only: whatever the outcome
        case "3" -> {}
        case "4" ->
            note =
                "SSIS runs the next task when the expression OR the constraint holds; Sluice has no"
                    + " such form, so both must hold here (ExpressionAndConstraint)";
        default -> expression = null; // constraint only; a stale expression is not evaluated
      }
      if (expression != null && expression.isBlank()) {
        expression = null;
      }
      Optional<String> missing = SystemVariables.missingIn(expression);
      if (missing.isPresent()) {
        ctx.leftOut(
            path + ".Properties[Expression]",
            ElementKind.PROPERTY,
            "precedence constraint expression",
            SystemVariables.why(missing.get(), expression)
                + "; the constraint is kept on its value alone, so "
                + target.name
                + " runs in more cases than in SSIS",
            SystemVariables.TODO);
        expression = null;
      }
      target.after.add(new Constraint(source.name, on, expression, ctx.location(pc)));
      logicalAnd
          .computeIfAbsent(target, k -> new ArrayList<>())
          .add(!"False".equalsIgnoreCase(Dts.prop(pc, "LogicalAnd")));
      if (note == null) {
        ctx.converted(path, ElementKind.CONSTRAINT, "precedence constraint");
      } else {
        ctx.convertedWithNote(
            path,
            ElementKind.CONSTRAINT,
            "precedence constraint",
            note,
            "check the condition, or split the work so one form is enough");
      }
    }
    logicalAnd.forEach(
        (target, ands) -> {
          if (ands.contains(false)) {
            target.afterMode = ConstraintMode.ANY;
            if (ands.contains(true)) {
              ctx.convertedWithNote(
                  target.path,
                  ElementKind.PROPERTY,
                  "LogicalAnd",
                  "its constraints mix AND and OR; Sluice applies OR (afterMode: any) to all",
                  "check when the task runs");
            }
          }
        });
  }

  /**
   * Settings of a package or executable that Sluice does not honour, reported so that nobody counts
   * on them: transactions (MSDTC) and checkpoints.
   */
  static void unsupportedSettings(PackageContext ctx, Element e, String path) {
    if ("2".equals(Dts.prop(e, "TransactionOption"))) {
      ctx.leftOut(
          path + ".Properties[TransactionOption]",
          ElementKind.PROPERTY,
          "TransactionOption",
          "it requires a distributed transaction (MSDTC), which Sluice does not start",
          "make the work idempotent, or wrap it in one SQL transaction of a single task");
    }
    if (Dts.isTrue(Dts.prop(e, "SaveCheckpoints"))) {
      ctx.leftOut(
          path + ".Properties[SaveCheckpoints]",
          ElementKind.PROPERTY,
          "SaveCheckpoints",
          "SSIS checkpoints (restart from the failed task) are not supported",
          "run the package again from the start, or split it into packages");
    }
  }

  /** Lists every executable and constraint under {@code e} as left out, with {@code why}. */
  void leftOutDescendants(Element e, String path, String why) {
    for (Element child : Dts.list(e, "Executables", "Executable")) {
      String refId = Dts.attr(child, "refId");
      String childPath = refId != null ? "\\" + refId : path + "\\" + Dts.prop(child, "ObjectName");
      String type = ssisType(child);
      ctx.leftOut(
          childPath,
          isContainer(type) ? ElementKind.CONTAINER : ElementKind.TASK,
          type,
          why,
          "convert the container first");
      leftOutDescendants(child, childPath, why);
      for (Element h : Dts.list(child, "EventHandlers", "EventHandler")) {
        String handlerPath = childPath + ".EventHandlers[" + Dts.prop(h, "EventName") + "]";
        ctx.leftOut(
            handlerPath,
            ElementKind.EVENT_HANDLER,
            "event handler",
            why,
            "convert the container first");
        leftOutDescendants(h, handlerPath, why);
      }
    }
    for (Element pc : Dts.list(e, "PrecedenceConstraints", "PrecedenceConstraint")) {
      String refId = Dts.attr(pc, "refId");
      ctx.leftOut(
          refId != null ? "\\" + refId : path + ".PrecedenceConstraints",
          ElementKind.CONSTRAINT,
          "precedence constraint",
          why,
          "convert the container first");
    }
  }

  /** The SSIS type as written, without the assembly details of format 6's long names. */
  static String ssisType(Element e) {
    String type = Dts.prop(e, "ExecutableType");
    if (type == null || type.isEmpty()) {
      type = Dts.prop(e, "CreationName");
    }
    return type == null ? "(no type)" : ConnectionsConverter.shortType(type);
  }

  static boolean isContainer(String ssisType) {
    return ssisType.toUpperCase(Locale.ROOT).startsWith("STOCK:");
  }

  private static String safeName(String name) {
    if (name == null || name.isBlank()) {
      return "Unnamed";
    }
    StringBuilder b = new StringBuilder();
    name.codePoints()
        .forEach(
            c -> {
              boolean bad =
                  "\"<>|".indexOf(c) >= 0
                      || Character.getType(c) == Character.CONTROL
                      || Character.getType(c) == Character.FORMAT;
              b.appendCodePoint(bad ? '_' : c);
            });
    String s = b.toString();
    if (s.startsWith("@")) {
      s = "_" + s.substring(1);
    }
    return s.length() > ObjectNames.MAX_LENGTH ? s.substring(0, ObjectNames.MAX_LENGTH) : s;
  }
}
