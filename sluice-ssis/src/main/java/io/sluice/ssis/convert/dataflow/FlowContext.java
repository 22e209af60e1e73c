package io.sluice.ssis.convert.dataflow;

import io.sluice.ssis.convert.dataflow.DataFlowHost.Connection;
import io.sluice.ssis.xml.Dts;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the component converters of one data flow share: column names by lineage ID, variables by
 * DTSID, the package's connections, and the rules every component follows (error dispositions,
 * table names).
 */
final class FlowContext {

  final DataFlowHost host;
  final String taskPath;

  /** The Data Flow task's name, under which a Script Component's sources are written. */
  final String taskName;

  private final Map<String, String> columns = new HashMap<>();
  private final Map<String, String> variablesById = new HashMap<>();
  private final Map<String, SsisComponent.Port> upstream = new HashMap<>();
  private boolean runtimeFiles;
  private final Map<String, String> unavailable = new HashMap<>();

  FlowContext(
      DataFlowHost host,
      String taskPath,
      String taskName,
      Element pipeline,
      List<SsisComponent> all) {
    this.host = host;
    this.taskPath = taskPath;
    this.taskName = taskName;
    for (SsisComponent c : all) {
      for (SsisComponent.Port o : c.outputs) {
        for (Element col : o.columns()) {
          columns.put(col.getAttribute("lineageId"), col.getAttribute("name"));
          columns.put(col.getAttribute("id"), col.getAttribute("name"));
        }
      }
    }
    columns.remove("");
    NodeList vars = pipeline.getOwnerDocument().getElementsByTagNameNS(Dts.NS, "Variable");
    for (int i = 0; i < vars.getLength(); i++) {
      Element v = (Element) vars.item(i);
      String id = Dts.prop(v, "DTSID");
      if (id != null) {
        variablesById.put(
            id.toUpperCase(Locale.ROOT),
            Dts.prop(v, "Namespace") + "::" + Dts.prop(v, "ObjectName"));
      }
    }
    NodeList params =
        pipeline.getOwnerDocument().getElementsByTagNameNS(Dts.NS, "PackageParameter");
    for (int i = 0; i < params.getLength(); i++) {
      Element p = (Element) params.item(i);
      String id = Dts.prop(p, "DTSID");
      if (id != null) {
        variablesById.put(id.toUpperCase(Locale.ROOT), "$Package::" + Dts.prop(p, "ObjectName"));
      }
    }
  }

  /** A component's path in the report: its refId, as SSIS names it. */
  String path(SsisComponent c) {
    String refId = c.element.getAttribute("refId");
    return refId.isEmpty() ? taskPath + "\\" + c.name : "\\" + refId;
  }

  /** Records that a path feeds the input {@code inputRefId} from {@code output}. */
  void path(String inputRefId, SsisComponent.Port output) {
    upstream.put(inputRefId, output);
  }

  /** The output a path feeds an input from. */
  Optional<SsisComponent.Port> upstream(String inputRefId) {
    return Optional.ofNullable(upstream.get(inputRefId));
  }

  /** Whether a path starts at {@code output}: something downstream reads it. */
  boolean feeds(SsisComponent.Port output) {
    return upstream.values().stream().anyMatch(p -> p.refId().equals(output.refId()));
  }

  /** The name a column has in the converted flow, by its lineage ID (or an input's). */
  String column(String lineageId) {
    String why = unavailable.get(lineageId);
    if (why != null) {
      throw new FlowContext.NotConvertible(
          "it reads " + why, "read the typed columns of the error output instead");
    }
    String name = columns.get(lineageId);
    if (name == null) {
      throw new NotConvertible(
          "it reads the column " + lineageId + ", which no component of the flow gives");
    }
    return name;
  }

  /**
   * A column named by a property that holds a lineage ID: {@code #{Package\...Columns[X]}} in
   * formats 6 and 8, {@code #12} or {@code 12} in 2008's.
   */
  String columnReference(String text) {
    String t = text.trim();
    if (t.startsWith("#{") && t.endsWith("}")) {
      return column(t.substring(2, t.length() - 1));
    }
    return column(t.startsWith("#") ? t.substring(1) : t);
  }

  /** The name of a column by its lineage ID, when some component gives it. */
  Optional<String> knownColumn(String lineageId) {
    return Optional.ofNullable(columns.get(lineageId));
  }

  /**
   * The column names that reach a path from {@code output}: its own columns and, for a synchronous
   * output, those of the input it passes on. Sources are taken as SSIS describes them (a query that
   * returns columns SSIS did not select gives the engine more).
   */
  java.util.Set<String> columnsFrom(SsisComponent.Port output) {
    return columnsFrom(output, 0);
  }

  private java.util.Set<String> columnsFrom(SsisComponent.Port output, int depth) {
    java.util.Set<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (Element col : output.columns()) {
      knownColumn(col.getAttribute("lineageId")).ifPresent(names::add);
    }
    String input = output.attr("synchronousInputId");
    if (!input.isEmpty() && depth < 1000) {
      upstream(input).ifPresent(up -> names.addAll(columnsFrom(up, depth + 1)));
    }
    return names;
  }

  /** The name of the upstream column an input column reads. */
  String inputColumn(Element inputColumn) {
    return column(inputColumn.getAttribute("lineageId"));
  }

  /** A column SSIS has and the engine does not give, and why. */
  void unavailable(String lineageId, String why) {
    unavailable.put(lineageId, why);
  }

  /** A source names the column as its data does (the external column), not as SSIS renamed it. */
  void rename(String lineageId, String name) {
    columns.put(lineageId, name);
  }

  /**
   * An SSIS expression of a component with its lineage references ({@code #{Package\...
   * .Columns[X]}} in formats 6 and 8, {@code #123} in 2008's) replaced by column names ({@code
   * [X]}) and its bracketed function names ({@code [ISNULL](}) plain, the form Sluice's expressions
   * take.
   */
  String expression(String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    boolean inString = false;
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (ch == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
        inString = !inString;
      }
      if (!inString && ch == '[') {
        // SSIS stores function names bracketed in Expression ([ISNULL](...)); Sluice writes them
        // plain. A bracketed name followed by "(" can only be a function.
        int end = text.indexOf(']', i);
        int next = end < 0 ? -1 : end + 1;
        while (next > 0 && next < text.length() && text.charAt(next) == ' ') {
          next++;
        }
        if (end > 0 && next < text.length() && next > 0 && text.charAt(next) == '(') {
          out.append(text, i + 1, end);
          i = end + 1;
          continue;
        }
      }
      if (!inString && ch == '#' && i + 1 < text.length()) {
        if (text.charAt(i + 1) == '{') {
          int end = text.indexOf('}', i);
          if (end > 0) {
            out.append('[').append(column(text.substring(i + 2, end))).append(']');
            i = end + 1;
            continue;
          }
        } else if (Character.isDigit(text.charAt(i + 1))) {
          int end = i + 1;
          while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
          }
          out.append('[').append(column(text.substring(i + 1, end))).append(']');
          i = end;
          continue;
        }
      }
      out.append(ch);
      i++;
    }
    return out.toString();
  }

  /** The variable a DTSID names ({@code {8C2A...}}), or null. */
  String variableById(String id) {
    return variablesById.get(id.trim().toUpperCase(Locale.ROOT));
  }

  /** A variable reference the component reads or writes, checked. */
  String variable(String reference, boolean written, String what) {
    Optional<String> problem = host.referenceProblem(reference, written);
    if (problem.isPresent()) {
      throw new NotConvertible(what + " is " + reference + ", and " + problem.get());
    }
    return reference;
  }

  /** The Sluice connection a component uses, which must have become {@code type}. */
  String connection(SsisComponent c, String type) {
    String reference = c.connectionReference();
    if (reference == null || reference.isBlank()) {
      throw new NotConvertible("it names no connection manager");
    }
    Connection conn = host.connection(reference).orElse(null);
    if (conn == null && !c.connections.isEmpty()) {
      conn =
          host.connection(c.connections.get(0).getAttribute("connectionManagerRefId")).orElse(null);
    }
    if (conn == null) {
      throw new NotConvertible(
          "its connection manager " + reference + " is not in this package or project");
    }
    if (conn.type() == null || !conn.type().equals(type)) {
      throw new NotConvertible(
          "its connection manager "
              + conn.name()
              + " was not converted to a "
              + type
              + " connection"
              + (conn.why() == null ? "" : " (" + conn.why() + ")"));
    }
    runtimeFiles |= conn.runtimePath() && type.equals("flatFile");
    return conn.name();
  }

  /** Whether a component reads or writes a flat file whose path an expression sets. */
  boolean readsRuntimeFiles() {
    return runtimeFiles;
  }

  /**
   * SSIS's row disposition ({@code FailComponent}, {@code IgnoreFailure}, {@code RedirectRow}; 2008
   * writes 1, 2, 3) as Sluice's {@code onError}, or null for fail (the default) and NotUsed.
   */
  static String onError(String disposition) {
    return switch (disposition == null ? "" : disposition.trim()) {
      case "IgnoreFailure", "2" -> "ignore";
      case "RedirectRow", "3" -> "redirect";
      default -> null;
    };
  }

  /**
   * A table as SSIS writes it ({@code [dbo].[FactCurrency]}, {@code "dbo"."x"}) as Sluice's {@code
   * schema.table}: the engine quotes each part itself. A three-part name keeps the last two.
   */
  static String table(String ssis) {
    String t = ssis.trim();
    java.util.List<String> parts = new java.util.ArrayList<>();
    StringBuilder part = new StringBuilder();
    char close = 0;
    for (int i = 0; i < t.length(); i++) {
      char ch = t.charAt(i);
      if (close != 0) {
        if (ch == close) {
          if (i + 1 < t.length() && t.charAt(i + 1) == close) {
            part.append(ch);
            i++;
          } else {
            close = 0;
          }
        } else {
          part.append(ch);
        }
      } else if (ch == '[') {
        close = ']';
      } else if (ch == '"') {
        close = '"';
      } else if (ch == '.') {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(ch);
      }
    }
    parts.add(part.toString());
    if (parts.size() > 2) {
      parts = parts.subList(parts.size() - 2, parts.size());
    }
    if (parts.stream().anyMatch(p -> p.isBlank() || p.contains("."))) {
      throw new NotConvertible(
          "its table " + ssis + " is not a name Sluice can write as schema.table");
    }
    return String.join(".", parts);
  }

  /** Thrown by a component converter: the component has no Sluice counterpart, and why. */
  static final class NotConvertible extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String todo;

    NotConvertible(String why) {
      this(why, null);
    }

    NotConvertible(String why, String todo) {
      super(why, null, false, false);
      this.todo = todo;
    }
  }
}
