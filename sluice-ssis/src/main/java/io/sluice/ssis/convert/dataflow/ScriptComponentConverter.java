package io.sluice.ssis.convert.dataflow;

import io.sluice.script.AccessorNames;
import java.util.ArrayList;
import java.util.HashMap;
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
 * output a destination, any other a transformation. Its outputs become the default output and
 * {@code outputs:} by the rules of {@link #outputs}; downstream components read each by its name.
 * The stub's Java has SSIS's typed shape ({@code extends UserComponent}) unless a column or output
 * name cannot become an accessor ({@link StubJava}).
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
    if (role.equals("source") && outputs.isEmpty()) {
      throw new FlowContext.NotConvertible(
          "the Script Component has neither an input nor an output", "remove it; " + where);
    }
    Outputs shaped = outputs(input, outputs, where);
    if (!shaped.outputColumns.isEmpty()) {
      out.put("outputColumns", shaped.outputColumns);
    }
    if (!shaped.extra.isEmpty()) {
      List<Map<String, Object>> setting = new ArrayList<>();
      for (StubJava.Out o : shaped.extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.name());
        if (o.synchronous()) {
          m.put("synchronous", true);
        } else {
          m.put("columns", o.columns());
        }
        setting.add(m);
      }
      out.put("outputs", setting);
    }
    out.outputs.putAll(shaped.byRefId);
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
    StubJava.Shape shape =
        new StubJava.Shape(
            c.name,
            role,
            where,
            originalMethods(files),
            inputColumns(input, f),
            input == null
                ? List.of()
                : f.upstream(input.refId())
                    .map(up -> List.copyOf(f.columnsFrom(up)))
                    .orElse(List.of()),
            shaped.outputColumns,
            shaped.defaultOutput,
            shaped.extra,
            shaped.notes,
            readOnly,
            readWrite);
    out.put("source", StubJava.of(shape));
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
                ? "; rows it sent to its error output: throw from "
                    + (StubJava.untyped(shape).isEmpty()
                        ? "input0ProcessInputRow"
                        : "processInputRow")
                    + " (onError: redirect)"
                : "")
            + (shaped.notes.isEmpty() ? "" : "; " + String.join("; ", shaped.notes))
            + (missing.isEmpty()
                ? ""
                : "; it names variables the package does not have, left out of its lists: "
                    + String.join(", ", missing));
    return out;
  }

  /** What SSIS's outputs became: the default output's columns, the declared outputs, the wiring. */
  private static final class Outputs {
    final List<Map<String, Object>> outputColumns = new ArrayList<>();
    final List<StubJava.Out> extra = new ArrayList<>();
    final Map<String, String> byRefId = new HashMap<>();
    final List<String> notes = new ArrayList<>();

    /** The SSIS name of the output that became Sluice's default {@code Output}, or null. */
    String defaultOutput;
  }

  /**
   * SSIS's outputs as Sluice's (docs/script-task.md, "Several outputs"). A source's first output is
   * the default output, its columns {@code outputColumns} ({@code output0Buffer}); its others are
   * asynchronous {@code outputs}. A transformation's default output is synchronous in Sluice: the
   * first synchronous SSIS output becomes it, the columns of every synchronous output are its
   * {@code outputColumns} (they share the input's buffer in SSIS as in Sluice), the other
   * synchronous outputs are {@code synchronous: true} outputs (SSIS's exclusion group, {@code
   * DirectRowTo...}), and the asynchronous ones ({@code SynchronousInputID} 0) are outputs with
   * their columns. Downstream paths read each by its name ({@link #byRefId}).
   */
  private static Outputs outputs(
      SsisComponent.Port input, List<SsisComponent.Port> outputs, String where) {
    Outputs o = new Outputs();
    if (outputs.isEmpty()) {
      return o;
    }
    List<SsisComponent.Port> synchronous = new ArrayList<>();
    for (SsisComponent.Port p : outputs) {
      if (input != null && synchronous(p, input)) {
        synchronous.add(p);
      }
    }
    if (synchronous.size() > 1) {
      String group = synchronous.get(0).attr("exclusionGroup").trim();
      boolean oneGroup =
          !group.isEmpty()
              && !group.equals("0")
              && synchronous.stream().allMatch(p -> p.attr("exclusionGroup").trim().equals(group));
      if (!oneGroup) {
        List<String> names = synchronous.stream().map(SsisComponent.Port::name).toList();
        throw new FlowContext.NotConvertible(
            "a Script Component with synchronous outputs outside one exclusion group ("
                + String.join(", ", names)
                + ") has no Sluice form: each would get every row, and Sluice's synchronous"
                + " outputs are SSIS's exclusion group (a row goes where the script directs it)",
            "put them in one exclusion group and direct each row (Row.DirectRowTo...), or keep one"
                + " output and add a Multicast after the component; "
                + where);
      }
    }
    SsisComponent.Port first = input == null ? outputs.get(0) : null;
    if (first == null && !synchronous.isEmpty()) {
      first = synchronous.get(0);
    }
    if (first != null) {
      o.defaultOutput = first.name();
      o.byRefId.put(first.refId(), "Output");
      List<SsisComponent.Port> defaults = input == null ? List.of(first) : synchronous;
      for (SsisComponent.Port p : defaults) {
        for (Map<String, Object> col : columns(p)) {
          boolean twice =
              o.outputColumns.stream()
                  .anyMatch(
                      x -> ((String) x.get("name")).equalsIgnoreCase((String) col.get("name")));
          if (!twice) {
            o.outputColumns.add(col);
          }
        }
      }
    } else {
      o.notes.add(
          "its outputs are all asynchronous: Sluice's default output Output (the input's rows and"
              + " outputColumns) is not used");
    }
    if (input != null && synchronous.size() == 1) {
      String group = synchronous.get(0).attr("exclusionGroup").trim();
      if (!group.isEmpty() && !group.equals("0")) {
        o.notes.add(
            "its synchronous output is in an exclusion group, where SSIS drops a row the script"
                + " directs nowhere; in Sluice every row goes to Output (DirectRowTo... is not"
                + " there: filter with a Conditional Split after the component)");
      }
    }
    List<String> taken = new ArrayList<>();
    for (SsisComponent.Port p : outputs) {
      if (p == first) {
        continue;
      }
      boolean sync = synchronous.contains(p);
      String name = sluiceName(p.name(), sync, taken, outputs);
      taken.add(name);
      o.extra.add(new StubJava.Out(p.name(), name, sync, sync ? List.of() : columns(p)));
      o.byRefId.put(p.refId(), name);
    }
    return o;
  }

  /**
   * The name an extra output has in Sluice: SSIS's, unless the default outputs take it ({@code
   * Output}, {@code Error}) or its buffer would be a default one's ({@code Output 0} makes {@code
   * Output0Buffer}, a transformation's asynchronous {@code Output 0} included): then {@code Output
   * 0 Async} ({@code output0AsyncBuffer}), numbered if that is taken too.
   */
  private static String sluiceName(
      String ssis, boolean sync, List<String> taken, List<SsisComponent.Port> all) {
    if (!defaultsTake(ssis)) {
      return ssis;
    }
    String base = ssis + (sync ? " Sync" : " Async");
    String name = base;
    for (int n = 2; defaultsTake(name) || isTaken(name, taken, all); n++) {
      name = base + " " + n;
    }
    return name;
  }

  private static boolean defaultsTake(String name) {
    if (name.equalsIgnoreCase("Output") || name.equalsIgnoreCase("Error")) {
      return true;
    }
    try {
      String id = AccessorNames.of(name, "output");
      return id.equalsIgnoreCase("Output0") || id.equalsIgnoreCase("Input0");
    } catch (AccessorNames.NamingException e) {
      return false; // the stub reads it by name; planning accepts the name
    }
  }

  private static boolean isTaken(String name, List<String> taken, List<SsisComponent.Port> all) {
    return taken.stream().anyMatch(name::equalsIgnoreCase)
        || all.stream().anyMatch(p -> p.name().equalsIgnoreCase(name));
  }

  /**
   * An output's columns as {@code outputColumns} and {@code outputs}' {@code columns} list them.
   */
  private static List<Map<String, Object>> columns(SsisComponent.Port output) {
    List<Map<String, Object>> columns = new ArrayList<>();
    for (Element column : output.columns()) {
      Map<String, Object> col = new LinkedHashMap<>();
      col.put("name", column.getAttribute("name"));
      col.put("type", PipelineTypes.required(column, "has type"));
      columns.add(col);
    }
    return columns;
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

  /** The input columns the script reads (selected in SSIS), each with whether it writes it. */
  private static List<StubJava.InputColumn> inputColumns(SsisComponent.Port input, FlowContext f) {
    List<StubJava.InputColumn> columns = new ArrayList<>();
    if (input == null) {
      return columns;
    }
    for (Element column : input.columns()) {
      String name =
          f.knownColumn(column.getAttribute("lineageId")).orElse(column.getAttribute("cachedName"));
      boolean writes = column.getAttribute("usageType").equalsIgnoreCase("readWrite");
      columns.add(new StubJava.InputColumn(name, writes));
    }
    return columns;
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
