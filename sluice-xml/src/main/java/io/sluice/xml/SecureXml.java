package io.sluice.xml;

import io.sluice.api.PluginException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The JDK's own XML processors ({@code newDefaultInstance}, whatever else is on the class path),
 * locked down once here so every operation parses the same way: secure processing on, DOCTYPE
 * declarations refused (so no external entity, no DTD and no entity expansion bomb gets in), no
 * XInclude, and no access to external DTDs, schemas or stylesheets.
 */
final class SecureXml {

  static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

  private SecureXml() {}

  /** A namespace-aware DOM of {@code xml}; not well-formed XML fails naming it, line and cause. */
  static Document parse(XmlText xml) {
    try {
      DocumentBuilder builder = documents().newDocumentBuilder();
      builder.setErrorHandler(new Errors.Throwing());
      return builder.parse(xml.input());
    } catch (SAXParseException e) {
      throw notXml(xml, e);
    } catch (SAXException | IOException e) {
      throw new PluginException(
          xml.what() + " is not well-formed XML: " + e.getMessage(), "correct the XML");
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  static PluginException notXml(XmlText xml, SAXParseException e) {
    String cause = Errors.at(e);
    if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
      return new PluginException(
          xml.what() + " has a DOCTYPE declaration, which Sluice refuses: " + cause,
          "remove the DOCTYPE: DTDs and entities are not read (they are how XML external entity"
              + " attacks get in); validate against an XSD instead");
    }
    return new PluginException(
        xml.what() + " is not well-formed XML: " + cause, "correct the XML at that line");
  }

  static DocumentBuilderFactory documents() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    f.setNamespaceAware(true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    try {
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature(DISALLOW_DOCTYPE, true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return f;
  }

  /** A namespace-aware SAX reader with the same locks, for streams that keep line numbers. */
  static XMLReader reader() {
    try {
      SAXParserFactory f = SAXParserFactory.newDefaultInstance();
      f.setNamespaceAware(true);
      f.setXIncludeAware(false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature(DISALLOW_DOCTYPE, true);
      XMLReader reader = f.newSAXParser().getXMLReader();
      reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return reader;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException(e);
    }
  }

  static TransformerFactory transformers() {
    TransformerFactory f = TransformerFactory.newDefaultInstance();
    try {
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (javax.xml.transform.TransformerConfigurationException e) {
      throw new IllegalStateException(e);
    }
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
    // xsl:import, xsl:include and document() would read other files or URLs: refused by name
    f.setURIResolver(
        (href, base) -> {
          throw new TransformerException(
              "the stylesheet refers to '" + href + "', which Sluice does not read");
        });
    return f;
  }

  static XPathFactory xpaths() {
    XPathFactory f = XPathFactory.newDefaultInstance();
    try {
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (XPathFactoryConfigurationException e) {
      throw new IllegalStateException(e);
    }
    return f;
  }

  /** A DOM node as UTF-8 XML text, with a declaration for a document, without for a node. */
  static byte[] serialize(Node node) {
    try {
      Transformer t = transformers().newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, node instanceof Document ? "no" : "yes");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      t.transform(new DOMSource(node), new StreamResult(out));
      return out.toByteArray();
    } catch (TransformerException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(Node node) {
    return new String(serialize(node), StandardCharsets.UTF_8);
  }
}
