package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * An SSIS Script Component becomes a {@code ScriptComponent} stub, as a Script task becomes a
 * Script task stub: the role SSIS gave it, its ReadOnlyVariables and ReadWriteVariables, the
 * columns it adds with their SSIS types, and inline Java that fails in {@code preExecute} asking
 * for the port. Its C# or VB goes beside the project ({@code
 * scripts/<package>/<task>/<component>/}). The flow around it is converted, wired and validated, so
 * porting is translating its methods, nothing else; until then it does not do what it did in SSIS,
 * so the report counts it as a placeholder.
 *
 * <p>The role is SSIS's: a component without an input is a source, one with no output but an error
 * output a destination, any other a transformation. Sluice's ScriptComponent has one output today:
 * a source's (its columns are {@code outputColumns}) or a transformation's synchronous output (the
 * input's columns and {@code outputColumns}). Anything else keeps the data flow a placeholder
 * ({@link #severalOrAsynchronousOutputs}).
 *
 * <p>Why the stub fails in {@code preExecute} and not in the method that sees rows: a
 * transformation or destination whose input is empty would never call {@code processInputRow}, and
 * the unported flow would succeed having done nothing.
 */
final class ScriptComponentConverter implements ComponentConverter {

  static final String TYPE = "ScriptComponent";

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    String language =
        c.property("ScriptLanguage", "").toUpperCase(Locale.ROOT).contains("VISUALBASIC")
            ? "VB"
            : "C#";
    Map<String, String> files = scriptFiles(c);
    // written even when the flow stays a placeholder: the person who ports it needs the code
    String folder = f.host.scriptSources(f.taskName, c.name, files);
    String where =
        folder == null
            ? "its " + language + " is in the .dtsx under the component's SourceCode property"
            : "its " + language + " is in " + folder + "/";
    if (c.inputs.size() > 1) {
      throw new FlowContext.NotConvertible(
          "a Script Component with " + c.inputs.size() + " inputs has no Sluice form",
          "split it into components of one input each; " + where);
    }
    SsisComponent.Port input = c.inputs.isEmpty() ? null : c.inputs.get(0);
    List<SsisComponent.Port> outputs = c.dataOutputs();
    String role = input == null ? "source" : outputs.isEmpty() ? "destination" : "transformation";

    Converted out = new Converted(TYPE);
    out.put("role", role);
    List<String> missing = new ArrayList<>();
    List<String> readOnly = variables(c, "ReadOnlyVariables", f, missing);
    List<String> readWrite = variables(c, "ReadWriteVariables", f, missing);
    if (!readOnly.isEmpty()) {
      out.put("readOnlyVariables", readOnly);
    }
    if (!readWrite.isEmpty()) {
      out.put("readWriteVariables", readWrite);
    }
    List<Map<String, Object>> added = new ArrayList<>();
    if (role.equals("source") && outputs.isEmpty()) {
      throw new FlowContext.NotConvertible(
          "the Script Component has neither an input nor an output", "remove it; " + where);
    }
    if (!outputs.isEmpty()) {
      SsisComponent.Port output = outputs.get(0);
      if (outputs.size() > 1 || (input != null && !synchronous(output, input))) {
        severalOrAsynchronousOutputs(c, input, outputs, where);
      }
      for (Element column : output.columns()) {
        Map<String, Object> col = new LinkedHashMap<>();
        col.put("name", column.getAttribute("name"));
        col.put("type", PipelineTypes.required(column, "has type"));
        added.add(col);
      }
    }
    if (!added.isEmpty()) {
      out.put("outputColumns", added);
    }
    c.errorOutput()
        .filter(f::feeds)
        .ifPresent(
            error -> {
              if (!role.equals("transformation")) {
                throw new FlowContext.NotConvertible(
                    "its error output is read by the flow, and a Script Component "
                        + role
                        + " has no error output in Sluice",
                    "send those rows on in the script's own output; " + where);
              }
              // SSIS's script sends a row there itself (DirectRowTo...); in Sluice a row whose
              // processInputRow throws goes to Error
              out.put("onError", "redirect");
            });
    out.put(
        "source",
        StubJava.of(
            c.name,
            role,
            where,
            originalMethods(files),
            inputColumns(input, f),
            added,
            readOnly,
            readWrite));
    out.stubWhy =
        "a Script Component's "
            + language
            + " cannot run in Sluice; it is a ScriptComponent "
            + role
            + " whose Java fails until ported";
    out.stubTodo =
        "port this script: "
            + where
            + "; write its Java into the ScriptComponent (docs/script-task.md, The Script"
            + " Component)"
            + (out.settings.containsKey("onError")
                ? "; rows it sent to its error output: throw from processInputRow (onError:"
                    + " redirect)"
                : "")
            + (missing.isEmpty()
                ? ""
                : "; it names variables the package does not have, left out of its lists: "
                    + String.join(", ", missing));
    return out;
  }

  /**
   * A Script Component with several outputs, or an asynchronous output on a transformation.
   * Sluice's ScriptComponent has one output today, so the data flow stays a placeholder whose
   * reason lists the outputs as an {@code outputs:} setting would give them. When the
   * ScriptComponent takes {@code outputs: [{name, columns: [{name, type}], synchronous}]}, this is
   * the method to change: put {@link #outputsSetting} into the settings and map each SSIS output's
   * refId to its name in {@link Converted#outputs}, instead of throwing.
   */
  private static void severalOrAsynchronousOutputs(
      SsisComponent c, SsisComponent.Port input, List<SsisComponent.Port> outputs, String where) {
    List<String> described = new ArrayList<>();
    for (Map<String, Object> o : outputsSetting(input, outputs)) {
      int columns = ((List<?>) o.get("columns")).size();
      described.add(
          o.get("name")
              + " ("
              + (Boolean.TRUE.equals(o.get("synchronous")) ? "synchronous" : "asynchronous")
              + ", "
              + columns
              + (columns == 1 ? " column)" : " columns)"));
    }
    boolean several = outputs.size() > 1;
    throw new FlowContext.NotConvertible(
        "a Script Component with "
            + (several ? "several outputs" : "an asynchronous output")
            + " ("
            + String.join(", ", described)
            + ") has no Sluice form yet: Sluice's ScriptComponent has one output, a source's or"
            + " a synchronous transformation's",
        (several
                ? "split it into Script Components of one output each, or do its work"
                : "make it synchronous, or do its work")
            + " in SQL or with expressions (Derived Column, Conditional Split); "
            + where);
  }

  /**
   * The outputs as the ScriptComponent's {@code outputs:} setting lists them: name, the columns it
   * adds with their types, and whether it is synchronous (a source's never are).
   */
  private static List<Map<String, Object>> outputsSetting(
      SsisComponent.Port input, List<SsisComponent.Port> outputs) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (SsisComponent.Port output : outputs) {
      List<Map<String, Object>> columns = new ArrayList<>();
      for (Element column : output.columns()) {
        Map<String, Object> col = new LinkedHashMap<>();
        col.put("name", column.getAttribute("name"));
        col.put("type", PipelineTypes.required(column, "has type"));
        columns.add(col);
      }
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", output.name());
      o.put("columns", columns);
      o.put("synchronous", input != null && synchronous(output, input));
      list.add(o);
    }
    return list;
  }

  /** Whether an output passes on the rows of {@code input} (SSIS's SynchronousInputID). */
  private static boolean synchronous(SsisComponent.Port output, SsisComponent.Port input) {
    String id = output.attr("synchronousInputId").trim();
    return !id.isEmpty() && (id.equals(input.refId()) || id.equals(input.attr("id")));
  }

  /**
   * A variable list ({@code User::A,$Package::B}) without the names that would refuse the package:
   * a User variable it does not have, a parameter or System variable Sluice has not. They go into
   * {@code missing} for the report.
   */
  private static List<String> variables(
      SsisComponent c, String property, FlowContext f, List<String> missing) {
    List<String> names = new ArrayList<>();
    for (String name : c.property(property, "").split(",")) {
      String n = name.trim();
      if (n.isEmpty()) {
        continue;
      }
      if (!n.contains("::")) {
        n = "User::" + n; // SSIS's default namespace, as older packages write the list
      }
      if (f.host.referenceProblem(n, false).isPresent()) {
        missing.add(n);
      } else if (!names.contains(n)) {
        names.add(n);
      }
    }
    return names;
  }

  /** The input columns the script reads, {@code Code} or {@code Code (read-write)}. */
  private static List<String> inputColumns(SsisComponent.Port input, FlowContext f) {
    List<String> names = new ArrayList<>();
    if (input == null) {
      return names;
    }
    for (Element column : input.columns()) {
      String name =
          f.knownColumn(column.getAttribute("lineageId")).orElse(column.getAttribute("cachedName"));
      boolean writes = column.getAttribute("usageType").equalsIgnoreCase("readWrite");
      names.add(writes ? name + " (read-write)" : name);
    }
    return names;
  }

  /**
   * A Script component's files: its {@code SourceCode} property holds them as an array of (name,
   * encoding, text) triples.
   */
  private static Map<String, String> scriptFiles(SsisComponent c) {
    Map<String, String> files = new LinkedHashMap<>();
    for (Element p : SsisComponent.grandchildren(c.element, "properties", "property")) {
      if (!"SourceCode".equals(p.getAttribute("name"))) {
        continue;
      }
      List<Element> items = SsisComponent.grandchildren(p, "arrayElements", "arrayElement");
      for (int i = 0; i + 2 < items.size(); i += 3) {
        files.put(items.get(i).getTextContent().trim(), items.get(i + 2).getTextContent());
      }
    }
    return files;
  }

  private static final Pattern OVERRIDE =
      Pattern.compile(
          "\\boverrides?\\s+(?:void|sub)\\s+(\\w+)\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);

  /**
   * The methods the script overrides ({@code Input0_ProcessInputRow(Input0Buffer Row)}), from its
   * own files: the generated ComponentWrapper and BufferWrapper are SSIS's, not the script's.
   */
  private static List<String> originalMethods(Map<String, String> files) {
    List<String> methods = new ArrayList<>();
    files.forEach(
        (name, text) -> {
          String file = name.toLowerCase(Locale.ROOT);
          if (!(file.endsWith(".cs") || file.endsWith(".vb"))
              || file.contains("componentwrapper")
              || file.contains("bufferwrapper")) {
            return;
          }
          Matcher m = OVERRIDE.matcher(text);
          while (m.find()) {
            String method = m.group(1) + "(" + m.group(2).trim().replaceAll("\\s+", " ") + ")";
            if (!methods.contains(method)) {
              methods.add(method);
            }
          }
        });
    return methods;
  }
}
