package io.sluice.ssis.convert.dataflow;

import io.sluice.engine.dataflow.ComponentRegistry;
import io.sluice.engine.dataflow.DataFlowStructure;
import io.sluice.ssis.convert.dataflow.ComponentConverter.Converted;
import io.sluice.ssis.convert.dataflow.ComponentKinds.Kind;
import io.sluice.ssis.xml.Dts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.w3c.dom.Element;

/**
 * An SSIS Data Flow task's pipeline into the engine's {@code DataFlow} task.
 *
 * <p>Each component goes to the converter of its kind ({@link ComponentConverter}, one per SSIS
 * component, shaped like the engine's own component types). Components are converted upstream
 * first, so that a source that names its columns as its data does (not as SSIS renamed them) is
 * seen by everything downstream. Paths become the receiving component's {@code input:} or {@code
 * inputs:}, naming the engine output the SSIS output became.
 *
 * <p>Why all or nothing: a data flow runs as one unit. If one component has no engine counterpart
 * (a Pivot, a Cache Transform), the converted flow would not move the same rows, so the whole task
 * becomes an {@code Unsupported} placeholder naming those components; the others are reported as
 * left out, with a note that they would convert, and are not counted as converted. A Script
 * Component is the exception that keeps the flow: it becomes a {@code ScriptComponent} stub whose
 * Java fails until ported ({@link ScriptComponentConverter}), wired like any component and reported
 * as a placeholder, as a Script task stub is.
 *
 * <p>The result is checked with the engine's own structure rules ({@link DataFlowStructure}) before
 * it is accepted, so a converter mistake becomes a placeholder with the engine's message rather
 * than a project that does not validate.
 */
public final class DataFlowConverter {

  private DataFlowConverter() {}

  /**
   * What became of a Data Flow task.
   *
   * @param settings the DataFlow task's settings ({@code components}), when converted; empty for a
   *     data flow without components, which becomes an empty Sequence
   * @param placeholderReason why it is a placeholder, or null when converted
   */
  public record Result(
      Map<String, Object> settings, String placeholderReason, String todo, List<String> notes) {

    Result(Map<String, Object> settings, String placeholderReason, String todo) {
      this(settings, placeholderReason, todo, List.of());
    }
  }

  private static final Map<Kind, ComponentConverter> CONVERTERS = converters();

  /**
   * The note of a data flow without components: SSIS runs it with a warning and moves no row;
   * Sluice refuses a DataFlow without components, so it becomes an empty Sequence.
   */
  public static final String EMPTY =
      "its data flow has no components; SSIS runs it with a warning and moves nothing, so it is an"
          + " empty Sequence here";

  private static Map<Kind, ComponentConverter> converters() {
    Map<Kind, ComponentConverter> m = new HashMap<>();
    ComponentConverter source = new JdbcSourceConverter();
    ComponentConverter destination = new JdbcDestinationConverter();
    m.put(Kind.OLEDB_SOURCE, source);
    m.put(Kind.ADONET_SOURCE, source);
    m.put(Kind.ODBC_SOURCE, source);
    m.put(Kind.OLEDB_DESTINATION, destination);
    m.put(Kind.ADONET_DESTINATION, destination);
    m.put(Kind.ODBC_DESTINATION, destination);
    m.put(Kind.FLAT_FILE_SOURCE, new FlatFileSourceConverter());
    m.put(Kind.FLAT_FILE_DESTINATION, new FlatFileDestinationConverter());
    m.put(Kind.DERIVED_COLUMN, new DerivedColumnConverter());
    m.put(Kind.DATA_CONVERSION, new DataConversionConverter());
    m.put(Kind.COPY_COLUMN, new CopyColumnConverter());
    m.put(Kind.CONDITIONAL_SPLIT, new ConditionalSplitConverter());
    m.put(Kind.MULTICAST, new MulticastConverter());
    m.put(Kind.UNION_ALL, new UnionAllConverter());
    m.put(Kind.LOOKUP, new LookupConverter());
    m.put(Kind.MERGE_JOIN, new MergeJoinConverter());
    m.put(Kind.MERGE, new MergeConverter());
    m.put(Kind.SORT, new SortConverter());
    m.put(Kind.AGGREGATE, new AggregateConverter());
    m.put(Kind.ROW_COUNT, new RowCountConverter());
    m.put(Kind.RECORDSET_DESTINATION, new RecordsetDestinationConverter());
    m.put(Kind.AUDIT, new AuditConverter());
    m.put(Kind.ROW_SAMPLING, new SamplingConverter("RowSampling", "rows"));
    m.put(Kind.PERCENTAGE_SAMPLING, new SamplingConverter("PercentageSampling", "percent"));
    m.put(Kind.PIVOT, new PivotConverter());
    m.put(Kind.UNPIVOT, new UnpivotConverter());
    m.put(Kind.CHARACTER_MAP, new CharacterMapConverter());
    m.put(Kind.SCRIPT_COMPONENT, new ScriptComponentConverter());
    m.put(Kind.OLEDB_COMMAND, new JdbcCommandConverter());
    m.put(Kind.CACHE_TRANSFORM, new CacheTransformConverter());
    m.put(Kind.EXCEL_SOURCE, new ExcelSourceConverter());
    m.put(Kind.EXCEL_DESTINATION, new ExcelDestinationConverter());
    m.put(Kind.RAW_FILE_SOURCE, new RawFileConverters.Source());
    m.put(Kind.RAW_FILE_DESTINATION, new RawFileConverters.Destination());
    m.put(Kind.SLOWLY_CHANGING_DIMENSION, new SlowlyChangingDimensionConverter());
    m.put(Kind.XML_SOURCE, new XmlSourceConverter());
    return Map.copyOf(m);
  }

  /** Converts the Data Flow task {@code executable}, reporting each component to {@code host}. */
  public static Result convert(
      Element executable, String taskPath, String taskName, DataFlowHost host) {
    Element pipeline =
        Dts.objectData(executable).filter(p -> "pipeline".equals(p.getLocalName())).orElse(null);
    if (pipeline == null) {
      return new Result(null, "its pipeline (DTS:ObjectData) is missing", null);
    }
    List<SsisComponent> components = new ArrayList<>();
    for (Element c : SsisComponent.grandchildren(pipeline, "components", "component")) {
      components.add(new SsisComponent(c));
    }
    if (components.isEmpty()) {
      return new Result(Map.of(), null, null, List.of(EMPTY));
    }
    FlowContext f = new FlowContext(host, taskPath, taskName, pipeline, components);
    Map<String, SsisComponent> ownerOfOutput = new HashMap<>();
    Map<String, SsisComponent.Port> outputs = new HashMap<>();
    for (SsisComponent c : components) {
      for (SsisComponent.Port o : c.outputs) {
        ownerOfOutput.put(o.refId(), c);
        outputs.put(o.refId(), o);
      }
    }
    for (Element path : SsisComponent.grandchildren(pipeline, "paths", "path")) {
      SsisComponent.Port from = outputs.get(path.getAttribute("startId"));
      if (from != null) {
        f.path(path.getAttribute("endId"), from);
      }
    }
    List<SsisComponent> order = upstreamFirst(components, f, ownerOfOutput);
    Map<SsisComponent, Converted> done = new LinkedHashMap<>();
    Map<SsisComponent, FlowContext.NotConvertible> failed = new LinkedHashMap<>();
    for (SsisComponent c : order) {
      try {
        ComponentConverter converter = CONVERTERS.get(c.kind);
        if (converter == null) {
          throw unsupported(c);
        }
        done.put(c, converter.convert(c, f));
      } catch (FlowContext.NotConvertible e) {
        failed.put(c, e);
      } catch (RuntimeException e) {
        failed.put(
            c,
            new FlowContext.NotConvertible(
                "its XML is not as this importer expects (" + e + ")",
                "check the component in Visual Studio, save the package and import again"));
      }
    }
    if (!failed.isEmpty()) {
      return placeholder(components, done, failed, f);
    }
    List<Map<String, Object>> list = new ArrayList<>();
    for (SsisComponent c : order) {
      list.addAll(engineComponents(c, done, f, ownerOfOutput));
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put(DataFlowStructure.COMPONENTS, list);
    DataFlowStructure.Structure structure =
        DataFlowStructure.read(settings, ComponentRegistry.standard());
    if (!structure.ok()) {
      String problems =
          structure.problems().stream()
              .map(p -> p.component() == null ? p.message() : p.component() + ": " + p.message())
              .collect(Collectors.joining("; "));
      String why = "the converted data flow fails Sluice's checks: " + problems;
      for (SsisComponent c : components) {
        host.leftOut(f.path(c), c.ssisType(), why, "write the flow in YAML (docs/data-flow.md)");
      }
      return new Result(null, why, "write the flow in YAML (docs/data-flow.md)");
    }
    for (SsisComponent c : components) {
      Converted cv = done.get(c);
      String p = f.path(c);
      if (cv.stubWhy != null) {
        host.placeholder(p, c.ssisType(), cv.stubWhy, cv.stubTodo);
      } else {
        host.converted(
            p,
            c.ssisType(),
            cv.notes.isEmpty() ? null : String.join("; ", cv.notes),
            cv.notes.isEmpty() ? null : "check that the flow gives the rows SSIS gave");
      }
      cv.unhonoured.forEach(
          (property, why) ->
              host.propertyNotHonoured(
                  p + ".Properties[" + property + "]",
                  c.ssisType(),
                  why,
                  "check whether the flow relies on it"));
    }
    List<String> notes = new ArrayList<>();
    if (f.readsRuntimeFiles()) {
      // SSIS validates a flat file source against its connection's columns, not the file; Sluice
      // checks the file too, which fails before a loop has set the path.
      settings.put(DataFlowStructure.DELAY_VALIDATION, true);
      notes.add(
          "its flat files are named by an expression, known only when it runs, so it is validated"
              + " when it starts (delayValidation), as SSIS validates it without the file");
    }
    return new Result(settings, null, null, notes);
  }

  /** The engine components one SSIS component became: itself, after any renaming helpers. */
  private static List<Map<String, Object>> engineComponents(
      SsisComponent c,
      Map<SsisComponent, Converted> done,
      FlowContext f,
      Map<String, SsisComponent> ownerOfOutput) {
    List<Map<String, Object>> out = new ArrayList<>();
    Converted cv = done.get(c);
    List<Object> inputs = new ArrayList<>();
    for (int i = 0; i < c.inputs.size(); i++) {
      SsisComponent.Port in = c.inputs.get(i);
      Optional<SsisComponent.Port> up = f.upstream(in.refId());
      if (up.isEmpty()) {
        continue;
      }
      SsisComponent upstream = ownerOfOutput.get(up.get().refId());
      Object ref = reference(upstream, up.get(), done.get(upstream));
      Map<String, String> renames = cv.inputRenames.get(i);
      if (renames != null) {
        String helper = c.name + " (" + in.name() + " names)";
        Set<String> present = f.columnsFrom(up.get());
        List<Map<String, Object>> columns = new ArrayList<>();
        renames.forEach(
            (to, from) -> {
              Map<String, Object> col = new LinkedHashMap<>();
              col.put("name", to);
              col.put("expression", "[" + from + "]");
              if (present.contains(to)) {
                col.put("replace", true); // an input column of that name SSIS did not map here
              }
              columns.add(col);
            });
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("name", helper);
        h.put("type", "DerivedColumn");
        h.put("input", ref);
        h.put("columns", columns);
        out.add(h);
        ref = helper;
      }
      inputs.add(ref);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name);
    m.put("type", cv.settings.get("type"));
    if (inputs.size() == 1) {
      m.put("input", inputs.get(0));
    } else if (inputs.size() > 1) {
      m.put("inputs", inputs);
    }
    cv.settings.forEach(
        (k, v) -> {
          if (!k.equals("type")) {
            m.put(k, v);
          }
        });
    out.add(m);
    return out;
  }

  /** How a receiving component names an upstream output: its name, or {from:, output:}. */
  private static Object reference(SsisComponent upstream, SsisComponent.Port port, Converted cv) {
    String output = cv.outputs.get(port.refId());
    if (output == null) {
      output = port.isError() ? "Error" : "Output";
    }
    if (output.equals("Output")) {
      return upstream.name;
    }
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("from", upstream.name);
    ref.put("output", output);
    return ref;
  }

  /** Components with every upstream component before them; otherwise in the package's order. */
  private static List<SsisComponent> upstreamFirst(
      List<SsisComponent> components, FlowContext f, Map<String, SsisComponent> ownerOfOutput) {
    List<SsisComponent> order = new ArrayList<>();
    List<SsisComponent> left = new ArrayList<>(components);
    while (!left.isEmpty()) {
      SsisComponent next = null;
      for (SsisComponent c : left) {
        boolean ready = true;
        for (SsisComponent.Port in : c.inputs) {
          SsisComponent up =
              f.upstream(in.refId()).map(p -> ownerOfOutput.get(p.refId())).orElse(null);
          if (up != null && !order.contains(up) && up != c) {
            ready = false;
          }
        }
        if (ready) {
          next = c;
          break;
        }
      }
      if (next == null) {
        next = left.get(0); // a cycle, which SSIS refuses; keep the package's order
      }
      order.add(next);
      left.remove(next);
    }
    return order;
  }

  private static FlowContext.NotConvertible unsupported(SsisComponent c) {
    String type = c.typeName().isEmpty() ? c.classId : c.typeName();
    return new FlowContext.NotConvertible(
        "Sluice has no " + type + " component",
        "do its work in SQL (the source's query or an ExecuteSql task) or with the components"
            + " Sluice has (docs/data-flow.md)");
  }

  private static Result placeholder(
      List<SsisComponent> components,
      Map<SsisComponent, Converted> done,
      Map<SsisComponent, FlowContext.NotConvertible> failed,
      FlowContext f) {
    String names =
        failed.keySet().stream()
            .map(c -> "'" + c.name + "' (" + c.ssisType() + ")")
            .collect(Collectors.joining(", "));
    for (SsisComponent c : components) {
      FlowContext.NotConvertible why = failed.get(c);
      if (why != null) {
        f.host.leftOut(f.path(c), c.ssisType(), why.getMessage(), why.todo);
      } else {
        Converted cv = done.get(c);
        f.host.leftOut(
            f.path(c),
            c.ssisType(),
            "it would convert to "
                + (cv == null ? "an engine component" : cv.settings.get("type"))
                + ", but its data flow task is a placeholder because "
                + names
                + " cannot"
                + " be converted",
            "replace the components that cannot be converted, then import again");
      }
    }
    Map.Entry<SsisComponent, FlowContext.NotConvertible> first =
        failed.entrySet().iterator().next();
    return new Result(
        null,
        "its data flow has "
            + (failed.size() == 1 ? "a component" : failed.size() + " components")
            + " Sluice cannot run: "
            + names
            + "; "
            + first.getKey().name
            + ": "
            + first.getValue().getMessage(),
        first.getValue().todo == null
            ? "replace those components (the others are listed in IMPORT.md as ready)"
            : first.getValue().todo);
  }
}
