package io.sluice.xml;

import io.sluice.api.PluginException;
import io.sluice.api.task.TaskContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathEvaluationResult;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathNodes;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * SSIS's XPATH operation: the second operand is the XPath, evaluated on the source. XPathOperation
 * says what comes out: Evaluation (the expression's value as text: a count, a sum, a string),
 * NodeList (the selected nodes as XML) or Values (each selected node's text, one a line).
 */
final class XPathQuery {

  static final List<String> OPERATIONS = List.of("evaluation", "nodeList", "values");

  private final TaskContext context;

  XPathQuery(TaskContext context) {
    this.context = context;
  }

  Output run(XmlText source, XmlText xpathText) {
    Document document = SecureXml.parse(source);
    String xpath = xpathText.string();
    String operation = context.settings().text("xpathOperation");
    XPathExpression expression = compile(xpathText, namespaces(context));
    Output result;
    try {
      if (operation == null || operation.equals("evaluation")) {
        XPathEvaluationResult<?> value = expression.evaluateExpression(document);
        result = Output.text(evaluation(value));
      } else {
        NodeList nodes = (NodeList) expression.evaluate(document, XPathConstants.NODESET);
        result = Output.text(operation.equals("values") ? values(nodes) : nodeList(nodes));
        context
            .events()
            .information("xpath '" + xpath + "' selected " + nodes.getLength() + " node(s)");
      }
    } catch (XPathExpressionException e) {
      throw new PluginException(
          "xpath '" + xpath + "' cannot be evaluated on " + source.what() + ": " + cause(e),
          "nodeList and values need an XPath that selects nodes; evaluation takes any");
    }
    return result;
  }

  /** Compiles an XPath; a bad one fails naming it and the parser's words. */
  static XPathExpression compile(XmlText text, NamespaceContext namespaces) {
    XPath xpath = SecureXml.xpaths().newXPath();
    xpath.setNamespaceContext(namespaces);
    try {
      return xpath.compile(text.string());
    } catch (XPathExpressionException e) {
      throw new PluginException(
          text.what() + ": '" + text.string() + "' is not a valid XPath: " + cause(e),
          "correct the XPath (XPath 1.0; prefixes go in 'namespaces')");
    }
  }

  static String cause(XPathExpressionException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getMessage() == null) {
      t = t.getCause();
    }
    String message = t.getMessage();
    if (message == null && e.getCause() != null) {
      message = e.getCause().getMessage();
    }
    return message == null ? e.getClass().getSimpleName() : message.replace('\n', ' ');
  }

  private static String evaluation(XPathEvaluationResult<?> value) {
    return switch (value.type()) {
      case NUMBER -> number((Double) value.value());
      case BOOLEAN, STRING -> String.valueOf(value.value());
      case NODESET -> {
        Iterator<Node> it = ((XPathNodes) value.value()).iterator();
        yield it.hasNext() ? it.next().getTextContent() : "";
      }
      case NODE -> ((Node) value.value()).getTextContent();
      default -> String.valueOf(value.value());
    };
  }

  /** XPath's string() of a number: 3 not 3.0, NaN and Infinity as XPath writes them. */
  static String number(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private String nodeList(NodeList nodes) {
    StringBuilder out = new StringBuilder();
    boolean wrap = context.settings().bool("putResultInOneNode", false);
    if (wrap) {
      out.append("<root>");
    }
    for (int i = 0; i < nodes.getLength(); i++) {
      out.append(SecureXml.text(nodes.item(i)));
    }
    if (wrap) {
      out.append("</root>");
    }
    return out.toString();
  }

  private static String values(NodeList nodes) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      values.add(nodes.item(i).getTextContent());
    }
    return String.join("\n", values);
  }

  /** The task's {@code namespaces}: prefix to URI, for XPaths over documents with namespaces. */
  static NamespaceContext namespaces(TaskContext context) {
    Map<String, Object> map = context.settings().mapping("namespaces");
    return new NamespaceContext() {
      @Override
      public String getNamespaceURI(String prefix) {
        Object uri = map.get(prefix);
        if (uri != null) {
          return String.valueOf(uri);
        }
        return prefix.equals(XMLConstants.XML_NS_PREFIX)
            ? XMLConstants.XML_NS_URI
            : XMLConstants.NULL_NS_URI;
      }

      @Override
      public String getPrefix(String namespaceUri) {
        return null;
      }

      @Override
      public Iterator<String> getPrefixes(String namespaceUri) {
        return null;
      }
    };
  }
}
