package io.sluice.ssis.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reading SSIS's package XML: elements and attributes in the {@code DTS} namespace, and properties
 * wherever a format keeps them (an attribute {@code DTS:Name="value"} since format 6, or a child
 * {@code <DTS:Property DTS:Name="Name">value</DTS:Property>}, which formats 6 and 8 still use for
 * some properties and format 3 for all).
 */
public final class Dts {

  /** The namespace of package XML ({@code xmlns:DTS}); not a URL, as SSIS writes it. */
  public static final String NS = "www.microsoft.com/SqlServer/Dts";

  /** The Execute SQL task's own namespace ({@code xmlns:SQLTask}). */
  public static final String SQL_TASK_NS = "www.microsoft.com/sqlserver/dts/tasks/sqltask";

  private Dts() {}

  /** A {@code DTS:} attribute, or null when absent. */
  public static String attr(Element e, String name) {
    return e.hasAttributeNS(NS, name) ? e.getAttributeNS(NS, name) : null;
  }

  /** A property: the {@code DTS:} attribute, else a {@code DTS:Property} child; or null. */
  public static String prop(Element e, String name) {
    String value = attr(e, name);
    if (value != null) {
      return value;
    }
    for (Element p : children(e, NS, "Property")) {
      if (name.equals(attr(p, "Name"))) {
        return p.getTextContent();
      }
    }
    return null;
  }

  /**
   * A description as Sluice takes it: at most 1,024 characters (SSISDB's limit, which Sluice
   * applies everywhere); a longer one is cut, ending in "...". Empty is null.
   */
  public static String description(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    return text.length() <= 1024 ? text : text.substring(0, 1021) + "...";
  }

  public static boolean isTrue(String value) {
    return value != null
        && (value.equalsIgnoreCase("True") || value.equals("1") || value.equals("-1"));
  }

  /** Element children of {@code e} with that namespace (null for none) and local name. */
  public static List<Element> children(Element e, String ns, String localName) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c
          && localName.equals(c.getLocalName())
          && same(ns, c.getNamespaceURI())) {
        out.add(c);
      }
    }
    return out;
  }

  /** The {@code DTS:} children of {@code e} named {@code localName}. */
  public static List<Element> children(Element e, String localName) {
    return children(e, NS, localName);
  }

  /** The grandchildren {@code DTS:outer/DTS:inner} of {@code e}, in order. */
  public static List<Element> list(Element e, String outer, String inner) {
    List<Element> out = new ArrayList<>();
    for (Element o : children(e, outer)) {
      out.addAll(children(o, inner));
    }
    return out;
  }

  public static Optional<Element> child(Element e, String localName) {
    List<Element> c = children(e, localName);
    return c.isEmpty() ? Optional.empty() : Optional.of(c.get(0));
  }

  /** Every element child of {@code e}, whatever its namespace. */
  public static List<Element> elements(Element e) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        out.add(c);
      }
    }
    return out;
  }

  /** The first element child with that local name, in any namespace. */
  public static Optional<Element> anyChild(Element e, String localName) {
    return elements(e).stream().filter(c -> localName.equals(c.getLocalName())).findFirst();
  }

  /** The task's own data: the single element inside {@code DTS:ObjectData}, if any. */
  public static Optional<Element> objectData(Element executable) {
    return child(executable, "ObjectData").flatMap(d -> elements(d).stream().findFirst());
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null || b.isEmpty() : a.equals(b);
  }

  /**
   * SSIS escapes characters in some attribute values as {@code _xHHHH_} (a tab delimiter is {@code
   * _x0009_}, CR LF {@code _x000D__x000A_}, "&lt;none&gt;" {@code _x003C_none_x003E_}).
   */
  public static String unescape(String value) {
    if (value == null || !value.contains("_x")) {
      return value;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      if (i + 7 <= value.length()
          && value.startsWith("_x", i)
          && value.charAt(i + 6) == '_'
          && isHex(value, i + 2, i + 6)) {
        out.append((char) Integer.parseInt(value.substring(i + 2, i + 6), 16));
        i += 7;
      } else {
        out.append(value.charAt(i++));
      }
    }
    return out.toString();
  }

  private static boolean isHex(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
