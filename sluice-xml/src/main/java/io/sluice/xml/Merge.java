package io.sluice.xml;

import io.sluice.api.PluginException;
import io.sluice.api.task.TaskContext;
import java.nio.charset.StandardCharsets;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * SSIS's Merge operation: the second document's root element's children appended under the node the
 * merge location (XPathString) selects in the source, or under the source's root element when there
 * is no location. The result is the merged source.
 */
final class Merge {

  private Merge() {}

  static Output run(TaskContext context, XmlText source, XmlText second, XmlText location) {
    Document base = SecureXml.parse(source);
    Document other = SecureXml.parse(second);
    Node target = base.getDocumentElement();
    if (location != null) {
      try {
        target =
            (Node)
                XPathQuery.compile(location, XPathQuery.namespaces(context))
                    .evaluate(base, XPathConstants.NODE);
      } catch (XPathExpressionException e) {
        throw new PluginException(
            "xpathString '"
                + location.string()
                + "' cannot be evaluated on "
                + source.what()
                + ": "
                + XPathQuery.cause(e),
            "give an XPath that selects one element of the source");
      }
      if (!(target instanceof Element)) {
        throw new PluginException(
            "xpathString '"
                + location.string()
                + "' selects "
                + (target == null ? "no node" : "no element")
                + " of "
                + source.what(),
            "give an XPath that selects the element the second document goes under");
      }
    }
    int merged = 0;
    for (Node child = other.getDocumentElement().getFirstChild();
        child != null;
        child = child.getNextSibling()) {
      target.appendChild(base.importNode(child, true));
      merged++;
    }
    context
        .events()
        .information(
            "merged " + merged + " node(s) of " + second.what() + " into " + source.what());
    return new Output(SecureXml.serialize(base), StandardCharsets.UTF_8);
  }
}
