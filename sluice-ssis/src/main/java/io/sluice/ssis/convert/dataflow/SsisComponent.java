package io.sluice.ssis.convert.dataflow;

import io.sluice.ssis.xml.Dts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * One {@code <component>} of a pipeline, read once: its custom properties, connections, inputs and
 * outputs. The pipeline XML has no namespace; its elements are read with {@link Dts}'s helpers like
 * the rest of the package.
 */
final class SsisComponent {

  final Element element;
  final String name;
  final String refId;
  final String classId;
  final ComponentKinds.Kind kind;
  final Map<String, String> properties;
  final List<Element> connections;
  final List<Port> inputs = new ArrayList<>();
  final List<Port> outputs = new ArrayList<>();

  /** An input or output with its columns. */
  record Port(Element element, String refId, String name, List<Element> columns) {

    boolean isError() {
      return Dts.isTrue(element.getAttribute("isErrorOut"));
    }

    String attr(String name) {
      return element.getAttribute(name);
    }

    List<Element> external() {
      List<Element> out = new ArrayList<>();
      for (Element x : Dts.children(element, null, "externalMetadataColumns")) {
        out.addAll(Dts.children(x, null, "externalMetadataColumn"));
      }
      return out;
    }
  }

  SsisComponent(Element e) {
    this.element = e;
    this.name = e.getAttribute("name");
    this.refId = e.getAttribute("refId").isEmpty() ? e.getAttribute("id") : e.getAttribute("refId");
    this.classId = e.getAttribute("componentClassID");
    this.properties = properties(e);
    this.kind = ComponentKinds.of(this);
    this.connections = grandchildren(e, "connections", "connection");
    for (Element in : grandchildren(e, "inputs", "input")) {
      inputs.add(port(in, "inputColumns", "inputColumn"));
    }
    for (Element out : grandchildren(e, "outputs", "output")) {
      outputs.add(port(out, "outputColumns", "outputColumn"));
    }
  }

  private static Port port(Element e, String columns, String column) {
    String id = e.getAttribute("refId").isEmpty() ? e.getAttribute("id") : e.getAttribute("refId");
    return new Port(e, id, e.getAttribute("name"), grandchildren(e, columns, column));
  }

  /** A custom property's text, or null. */
  String property(String name) {
    return properties.get(name);
  }

  String property(String name, String otherwise) {
    String v = properties.get(name);
    return v == null ? otherwise : v;
  }

  /** The outputs that are not error outputs, in order. */
  List<Port> dataOutputs() {
    return outputs.stream().filter(o -> !o.isError()).toList();
  }

  Optional<Port> errorOutput() {
    return outputs.stream().filter(Port::isError).findFirst();
  }

  /** The display name of its type: format 6's GUID classes say it in contactInfo. */
  String typeName() {
    String contact = element.getAttribute("contactInfo");
    int semicolon = contact.indexOf(';');
    return semicolon > 0 ? contact.substring(0, semicolon).trim() : "";
  }

  /**
   * The type as the report gives it: the class, with its display name when it is a GUID (a managed
   * component's own class, whose contactInfo starts with a description instead).
   */
  String ssisType() {
    if (!classId.startsWith("{")) {
      return classId;
    }
    String managed = property("UserComponentTypeName", "").split(",")[0].trim();
    return ((managed.isEmpty() ? typeName() : managed) + " " + classId).trim();
  }

  /** The reference of its first connection's manager, or null. */
  String connectionReference() {
    if (connections.isEmpty()) {
      return null;
    }
    Element c = connections.get(0);
    String id = c.getAttribute("connectionManagerID");
    // A project connection manager is written "{DTSID}:external".
    if (id.endsWith(":external")) {
      id = id.substring(0, id.length() - ":external".length());
    }
    return id.isEmpty() ? c.getAttribute("connectionManagerRefId") : id;
  }

  /** The custom properties of an element ({@code <properties><property name=...>}). */
  static Map<String, String> properties(Element e) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Element p : grandchildren(e, "properties", "property")) {
      map.put(p.getAttribute("name"), p.getTextContent());
    }
    return map;
  }

  static List<Element> grandchildren(Element e, String outer, String inner) {
    List<Element> out = new ArrayList<>();
    for (Element o : Dts.children(e, null, outer)) {
      out.addAll(Dts.children(o, null, inner));
    }
    return out;
  }
}
