package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * XML Source to {@code XmlSource}: the XML file (XMLData, AccessMode 0) or the variable holding its
 * name (XMLDataVariable, AccessMode 1) becomes a {@code file} connection made for it; the output's
 * element (its RowsetID) the {@code rowPath}, exact when the XSD (XMLSchemaDefinition, or the
 * file's inline schema with UseInlineSchema) can be read here, else {@code //element}; each column
 * the element or attribute its external column names, with the type SSIS fixed. XML data held in a
 * variable (AccessMode 2) has no counterpart: Sluice reads a file.
 */
final class XmlSourceConverter implements ComponentConverter {

  @Override
  public Converted convert(SsisComponent c, FlowContext f) {
    String mode = c.property("AccessMode", "0").trim();
    String file = null;
    String expression = null;
    switch (mode) {
      case "0" -> {
        file = c.property("XMLData", "").trim();
        if (file.isEmpty()) {
          throw new FlowContext.NotConvertible("it names no XML file (XMLData)");
        }
      }
      case "1" -> {
        String variable = c.property("XMLDataVariable", "").trim();
        expression = "@[" + f.variable(variable, false, "its file name variable") + "]";
      }
      case "2" ->
          throw new FlowContext.NotConvertible(
              "it reads the XML held in the variable "
                  + c.property("XMLDataVariable", "").trim()
                  + " (AccessMode 2); Sluice's XmlSource reads a file",
              "write the XML to a file first (a Script task, or keep it in a file) and read that");
      default ->
          throw new FlowContext.NotConvertible("its AccessMode " + mode + " is none of SSIS's");
    }
    List<SsisComponent.Port> outputs = c.dataOutputs();
    List<SsisComponent.Port> used = outputs.stream().filter(f::feeds).toList();
    if (used.size() > 1) {
      throw new FlowContext.NotConvertible(
          "it has "
              + used.size()
              + " outputs in use (one per nested element), and Sluice's XmlSource has one",
          "read each nested element with an XmlSource of its own (docs/data-flow.md, XmlSource)");
    }
    if (outputs.isEmpty()) {
      throw new FlowContext.NotConvertible("it has no output");
    }
    SsisComponent.Port output = used.isEmpty() ? outputs.get(0) : used.get(0);
    String rowset = SsisComponent.properties(output.element()).getOrDefault("RowsetID", "").trim();
    String element =
        rowset.isEmpty() ? output.name().replaceFirst("\\s+Output$", "").trim() : rowset;
    boolean inline = Boolean.parseBoolean(c.property("UseInlineSchema", "false").trim());
    Optional<XsdShape.Place> place =
        XsdShape.read(inline ? file : c.property("XMLSchemaDefinition", ""))
            .flatMap(shape -> shape.place(element));
    Converted out = new Converted("XmlSource");
    String connection = f.host.fileConnection(c.name + " file", file, expression);
    out.put("connection", connection);
    out.put("rowPath", place.map(XsdShape.Place::rowPath).orElse("//" + element));
    if (place.isEmpty()) {
      out.notes.add(
          "its schema could not be read here, so the rows are every <"
              + element
              + "> element (rowPath //"
              + element
              + ") and each column a child element: write @name for an attribute");
    }
    Map<String, String> external = new HashMap<>();
    for (Element x : output.external()) {
      external.put(x.getAttribute("refId"), x.getAttribute("name"));
      external.put(x.getAttribute("id"), x.getAttribute("name"));
    }
    List<Map<String, Object>> columns = new ArrayList<>();
    for (Element col : output.columns()) {
      String name = col.getAttribute("name");
      String xml = external.getOrDefault(col.getAttribute("externalMetadataColumnId"), name);
      if (xml == null || xml.isBlank()) {
        xml = name;
      }
      boolean declared =
          place.isPresent()
              && (place.get().attributes().contains(xml) || place.get().children().contains(xml));
      if (!declared && xml.endsWith("_Id") && col.getAttribute("dataType").equals("ui8")) {
        // SSIS's generated key (DT_UI8 element_Id) joining a nested element's rows to its parent's
        f.unavailable(
            col.getAttribute("lineageId"),
            "it is the XML Source's generated key " + name + ", which Sluice does not make");
        out.notes.add("its generated key column " + name + " is not read");
        continue;
      }
      Map<String, Object> column = new LinkedHashMap<>();
      column.put("name", name);
      column.put("type", PipelineTypes.required(col, "has type"));
      boolean attribute = place.isPresent() && place.get().attributes().contains(xml);
      String path = attribute ? "@" + xml : xml;
      if (!path.equals(name)) {
        column.put("path", path);
      }
      String onError = FlowContext.onError(col.getAttribute("errorRowDisposition"));
      if (onError == null) {
        onError = FlowContext.onError(col.getAttribute("truncationRowDisposition"));
      }
      if (onError != null) {
        column.put("onError", onError);
      }
      columns.add(column);
    }
    if (columns.isEmpty()) {
      throw new FlowContext.NotConvertible("its output has no columns");
    }
    out.put("columns", columns);
    return out;
  }
}
