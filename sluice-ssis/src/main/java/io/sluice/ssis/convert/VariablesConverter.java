package io.sluice.ssis.convert;

import io.sluice.api.text.Articles;
import io.sluice.engine.project.ObjectNames;
import io.sluice.engine.project.ParameterDefinition;
import io.sluice.engine.project.ParameterType;
import io.sluice.engine.project.VariableDefinition;
import io.sluice.ssis.report.ImportEntry.ElementKind;
import io.sluice.ssis.xml.Dts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Package parameters and variables. Sluice's variables belong to the package: a variable that SSIS
 * scopes to a container, task or event handler is declared on the package under the same name (SSIS
 * resolves names from the inside out, so this is the same as long as no two scopes use the name;
 * when two do, the inner one is left out and reported).
 */
final class VariablesConverter {

  private final PackageContext ctx;

  VariablesConverter(PackageContext ctx) {
    this.ctx = ctx;
  }

  List<ParameterDefinition> parameters(Element packageRoot) {
    List<ParameterDefinition> out = new ArrayList<>();
    for (Element p : Dts.list(packageRoot, "PackageParameters", "PackageParameter")) {
      String name = Dts.prop(p, "ObjectName");
      String path = "\\Package.Parameters[$Package::" + name + "]";
      String code = Dts.prop(p, "DataType");
      Optional<ParameterType> type = SsisTypes.variant(code).flatMap(ParameterType::fromName);
      Optional<String> nameProblem = ObjectNames.identifierProblem("parameter", name);
      if (nameProblem.isPresent()) {
        ctx.leftOut(
            path, ElementKind.PARAMETER, "package parameter", nameProblem.get(), "rename it");
        continue;
      }
      if (type.isEmpty()) {
        ctx.leftOut(
            path,
            ElementKind.PARAMETER,
            "package parameter",
            "its data type " + code + " is not a parameter type Sluice has",
            "declare it by hand with the nearest type");
        continue;
      }
      boolean sensitive = Dts.isTrue(Dts.prop(p, "Sensitive"));
      boolean required = Dts.isTrue(Dts.prop(p, "Required"));
      String note = null;
      String value = null;
      Element valueElement =
          Dts.children(p, "Property").stream()
              .filter(e -> "ParameterValue".equals(Dts.attr(e, "Name")))
              .findFirst()
              .orElse(null);
      if (sensitive) {
        if (valueElement != null && !valueElement.getTextContent().isBlank()) {
          // the package needs a value it had: without one it would run with an empty password
          required = true;
          note =
              "sensitive: its design value is not imported (a file is no place for it; SSIS keeps"
                  + " it encrypted), so it is required: set it";
        }
      } else if (valueElement != null) {
        String text = valueElement.getTextContent();
        Optional<String> v = SsisTypes.value(type.get().ssisName(), text);
        if (v.isPresent() && type.get().invalidValue(v.get()).isEmpty()) {
          value = v.get();
        } else if (!text.isEmpty()) {
          note =
              "its design value '"
                  + text
                  + "' is not "
                  + Articles.a(type.get().ssisName())
                  + "; left out";
        }
      }
      out.add(
          new ParameterDefinition(
              name,
              type.get(),
              required,
              sensitive,
              value,
              Dts.description(Dts.prop(p, "Description"))));
      if (note == null) {
        ctx.converted(path, ElementKind.PARAMETER, "package parameter");
      } else {
        ctx.convertedWithNote(
            path,
            ElementKind.PARAMETER,
            "package parameter",
            note,
            "set its value in the catalog or with --param");
      }
    }
    return out;
  }

  /** The variables declared directly in {@code scope} (the package, a container, a handler). */
  void variables(Element scope, String scopePath) {
    for (Element v : Dts.list(scope, "Variables", "Variable")) {
      variable(v, scopePath);
    }
  }

  private void variable(Element v, String scopePath) {
    String written = Dts.prop(v, "Namespace");
    String namespace = written == null || written.isEmpty() ? "User" : written;
    String name = Dts.prop(v, "ObjectName");
    String qualified = namespace + "::" + name;
    String path = scopePath + ".Variables[" + qualified + "]";
    Element valueElement = Dts.child(v, "VariableValue").orElse(null);
    String code =
        valueElement == null ? Dts.prop(v, "DataType") : Dts.attr(valueElement, "DataType");
    Optional<String> type = SsisTypes.variant(code);
    Optional<String> problem =
        ObjectNames.identifierProblem("variable", name)
            .or(() -> ObjectNames.identifierProblem("variable namespace", namespace));
    if (namespace.equalsIgnoreCase("System")) {
      // Every SSIS event handler declares System::Propagate (true unless the designer cleared it);
      // Sluice's handlers have it too, true at the start.
      boolean propagate =
          name.equalsIgnoreCase("Propagate") && scopePath.contains(".EventHandlers[");
      String text = valueElement == null ? "" : valueElement.getTextContent().trim();
      if (propagate && SsisTypes.value("Boolean", text).orElse("true").equals("true")) {
        ctx.converted(path, ElementKind.VARIABLE, "variable");
        return;
      }
      ctx.leftOut(
          path,
          ElementKind.VARIABLE,
          "variable",
          propagate
              ? "the handler stops its events from propagating (System::Propagate is false at"
                  + " design time), which Sluice's handlers cannot declare"
              : "System variables are Sluice's own",
          propagate
              ? "begin the handler with an Expression task: @[System::Propagate] = false"
              : "use Sluice's System variables (docs/expressions.md)");
      return;
    }
    if (problem.isPresent()) {
      ctx.leftOut(
          path,
          ElementKind.VARIABLE,
          "variable",
          problem.get(),
          "rename it and the expressions that use it");
      return;
    }
    if (type.isEmpty()) {
      ctx.leftOut(
          path,
          ElementKind.VARIABLE,
          "variable",
          "its data type " + code + " is not a variable type Sluice has",
          "declare it by hand with the nearest type");
      return;
    }
    if (ctx.hasVariable(qualified)) {
      ctx.leftOut(
          path,
          ElementKind.VARIABLE,
          "variable",
          "another scope of the package declares "
              + qualified
              + " too, and Sluice's variables"
              + " belong to the package",
          "rename one of them in SSIS, or merge them by hand");
      return;
    }
    List<String> notes = new ArrayList<>();
    boolean byExpression = Dts.isTrue(Dts.prop(v, "EvaluateAsExpression"));
    String expression = byExpression ? Dts.prop(v, "Expression") : null;
    Optional<String> missing = SystemVariables.missingIn(expression);
    if (missing.isPresent()) {
      ctx.leftOut(
          path + ".Properties[Expression]",
          ElementKind.PROPERTY,
          "variable expression",
          SystemVariables.why(missing.get(), expression) + "; the variable keeps its value",
          SystemVariables.TODO);
      byExpression = false;
      expression = null;
    }
    String value = null;
    String text = valueElement == null ? null : valueElement.getTextContent();
    if (!byExpression && text != null) {
      switch (type.get()) {
        case "Object", "DBNull" -> {
          if (!text.isBlank()) {
            notes.add("the initial value of an " + type.get() + " variable is not imported");
          }
        }
        case "String" -> value = text.isEmpty() ? null : text;
        default -> {
          Optional<String> converted = SsisTypes.value(type.get(), text);
          Optional<String> invalid =
              converted.flatMap(
                  c -> ParameterType.fromName(type.get()).flatMap(t -> t.invalidValue(c)));
          if (converted.isPresent() && invalid.isEmpty()) {
            value = converted.get();
          } else if (!text.isBlank()) {
            notes.add(
                "its value '"
                    + text
                    + "' is not a "
                    + type.get()
                    + " as Sluice writes it; left out");
          }
        }
      }
    }
    if (!scopePath.equals("\\Package")) {
      notes.add("declared on " + scopePath + " in SSIS; Sluice declares it on the package");
    }
    ctx.variables.add(
        new VariableDefinition(
            namespace,
            name,
            type.get(),
            value,
            expression,
            Dts.isTrue(Dts.prop(v, "ReadOnly")),
            Dts.isTrue(Dts.prop(v, "RaiseChangedEvent")),
            Dts.description(Dts.prop(v, "Description")),
            ctx.location(v)));
    if (notes.isEmpty()) {
      ctx.converted(path, ElementKind.VARIABLE, "variable");
    } else {
      ctx.convertedWithNote(path, ElementKind.VARIABLE, "variable", String.join("; ", notes), null);
    }
  }
}
