package io.sluice.ssis.convert.dataflow;

import io.sluice.ssis.SsisImportException;
import io.sluice.ssis.xml.SafeXml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Where an XML Source's elements are, from its XSD (or the XML file's inline schema) when the
 * import can read it: each element's path from the root and its attributes, so an output becomes an
 * exact {@code rowPath} and a column an {@code @attribute} or a child element. Read with {@link
 * SafeXml} (no DTD, no external entity); named complex types and element references are followed.
 */
final class XsdShape {

  static final String XS = "http://www.w3.org/2001/XMLSchema";

  /**
   * An element's place: its path from the document's root, its attributes' and children's names.
   */
  record Place(List<String> path, Set<String> attributes, Set<String> children) {
    String rowPath() {
      return "/" + String.join("/", path);
    }
  }

  private final Map<String, Place> places = new HashMap<>();
  private final Map<String, Element> types = new HashMap<>();
  private final Map<String, Element> elements = new HashMap<>();

  private XsdShape() {}

  /** The shape the schema file gives, or empty when it is not there or not a schema. */
  static Optional<XsdShape> read(String file) {
    if (file == null || file.isBlank()) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(file.trim());
      if (!Files.isRegularFile(path)) {
        return Optional.empty();
      }
      Element root = SafeXml.read(path).getDocumentElement();
      Element schema = XS.equals(root.getNamespaceURI()) ? root : inline(root);
      if (schema == null) {
        return Optional.empty();
      }
      XsdShape shape = new XsdShape();
      for (Element e : children(schema)) {
        if (e.getLocalName().equals("complexType") && e.hasAttribute("name")) {
          shape.types.put(e.getAttribute("name"), e);
        } else if (e.getLocalName().equals("element") && e.hasAttribute("name")) {
          shape.elements.put(e.getAttribute("name"), e);
        }
      }
      // the document's root is a top-level element no other one refers to
      Set<String> referred = new HashSet<>();
      var refs = schema.getElementsByTagNameNS(XS, "element");
      for (int i = 0; i < refs.getLength(); i++) {
        Element r = (Element) refs.item(i);
        if (r.hasAttribute("ref")) {
          referred.add(local(r.getAttribute("ref")));
        }
      }
      for (Element e : shape.elements.values()) {
        if (!referred.contains(e.getAttribute("name"))) {
          shape.walk(e, new ArrayList<>(), new HashSet<>(), 0);
        }
      }
      return Optional.of(shape);
    } catch (SsisImportException | java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** An element's place, by its name (the first declaration of that name). */
  Optional<Place> place(String element) {
    return Optional.ofNullable(places.get(element));
  }

  /** An XML file's inline schema: an xs:schema element anywhere below its root. */
  private static Element inline(Element root) {
    var found = root.getElementsByTagNameNS(XS, "schema");
    return found.getLength() == 0 ? null : (Element) found.item(0);
  }

  private void walk(Element element, List<String> parent, Set<String> siblings, int depth) {
    if (depth > 64) {
      return; // a recursive type
    }
    Element declared = element;
    if (element.hasAttribute("ref")) {
      declared = elements.get(local(element.getAttribute("ref")));
      if (declared == null) {
        return;
      }
    }
    String name = declared.getAttribute("name");
    siblings.add(name);
    List<String> path = new ArrayList<>(parent);
    path.add(name);
    Place place = new Place(List.copyOf(path), new HashSet<>(), new HashSet<>());
    places.putIfAbsent(name, place);
    Element type = null;
    if (declared.hasAttribute("type")) {
      type = types.get(local(declared.getAttribute("type")));
    } else {
      type =
          children(declared).stream()
              .filter(c -> c.getLocalName().equals("complexType"))
              .findFirst()
              .orElse(null);
    }
    if (type != null) {
      content(type, path, place, depth);
    }
  }

  /** The attributes and child elements of a complex type, through its groups and extensions. */
  private void content(Element node, List<String> path, Place place, int depth) {
    for (Element c : children(node)) {
      switch (c.getLocalName()) {
        case "attribute" -> {
          String n = c.hasAttribute("name") ? c.getAttribute("name") : local(c.getAttribute("ref"));
          place.attributes().add(n);
        }
        case "element" -> walk(c, path, place.children(), depth + 1);
        case "extension" -> {
          Element base = types.get(local(c.getAttribute("base")));
          if (base != null) {
            content(base, path, place, depth + 1);
          }
          content(c, path, place, depth + 1);
        }
        case "sequence", "all", "choice", "complexContent", "simpleContent", "restriction" ->
            content(c, path, place, depth + 1);
        default -> {}
      }
    }
  }

  private static String local(String qualified) {
    int colon = qualified.indexOf(':');
    return colon < 0 ? qualified : qualified.substring(colon + 1);
  }

  private static List<Element> children(Element e) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && XS.equals(c.getNamespaceURI())) {
        out.add(c);
      }
    }
    return out;
  }
}
