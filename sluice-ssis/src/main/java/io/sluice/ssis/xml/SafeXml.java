package io.sluice.ssis.xml;

import io.sluice.ssis.SsisImportException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an SSIS XML file into a namespace-aware DOM whose elements know their line ({@link #line}),
 * with the JDK's own parser.
 *
 * <p>Why SAX into a DOM: the converter wants a tree (a precedence constraint names tasks anywhere
 * in its container), and the report and errors want lines, which the JDK's DOM builder does not
 * keep.
 *
 * <p>Hostile input: SSIS packages never carry a DOCTYPE, so any is refused before it is read. That
 * closes XML external entities (a package that makes the importer read {@code /etc/passwd} or a URL
 * into a value it then writes out) and entity-expansion bombs at once; secure processing and the
 * external-entity features are switched off as well, in case a parser ever ignores the first.
 */
public final class SafeXml {

  private static final String LINE = "sluice.line";

  private SafeXml() {}

  /**
   * The largest file read: the biggest package of the public corpus is under 1 MiB, and a DOM takes
   * several times a file's size in memory.
   */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  /** The deepest element nesting read; real packages nest some tens of levels. */
  public static final int MAX_DEPTH = 256;

  /** Parses {@code file}; any problem is an {@link SsisImportException} naming file and line. */
  public static Document read(Path file) {
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new SsisImportException(
            file,
            0,
            String.format(
                java.util.Locale.ROOT,
                "is %,d bytes, more than the %,d (64 MiB) an SSIS file may have here",
                size,
                MAX_BYTES),
            "give the .dtsx as saved by Visual Studio; a package is definitions, not data");
      }
    } catch (IOException e) {
      throw new SsisImportException(
          file, 0, "cannot be read: " + e.getMessage(), "check the path and its permissions");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(file, in);
    } catch (IOException e) {
      throw new SsisImportException(
          file, 0, "cannot be read: " + e.getMessage(), "check the path and its permissions");
    }
  }

  static Document read(Path file, InputStream in) throws IOException {
    Document doc;
    SAXParser parser;
    try {
      DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
      dbf.setNamespaceAware(true);
      doc = dbf.newDocumentBuilder().newDocument();
      parser = factory().newSAXParser();
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
    }
    DomBuilder builder = new DomBuilder(doc);
    try {
      parser.parse(new InputSource(in), builder);
    } catch (TooDeep e) {
      throw new SsisImportException(
          file,
          e.getLineNumber(),
          "nests elements more than " + MAX_DEPTH + " levels deep, which no SSIS package does",
          "give the .dtsx as saved by Visual Studio (SSDT)");
    } catch (SAXParseException e) {
      throw new SsisImportException(file, e.getLineNumber(), describe(e), hint(e));
    } catch (SAXException e) {
      throw new SsisImportException(file, builder.line(), "is not well-formed XML: " + e, HINT);
    }
    if (doc.getDocumentElement() == null) {
      throw new SsisImportException(file, 0, "holds no XML element", HINT);
    }
    return doc;
  }

  private static final String HINT =
      "open the package in Visual Studio (SSDT) and save it again, or take it from source control"
          + " again; a .dtsx that SSIS loads is well-formed XML";

  private static SAXParserFactory factory() throws ParserConfigurationException, SAXException {
    SAXParserFactory f = SAXParserFactory.newInstance();
    f.setNamespaceAware(true);
    f.setValidating(false);
    f.setXIncludeAware(false);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f;
  }

  private static boolean doctype(SAXParseException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("DOCTYPE") || m.contains("doctype-decl");
  }

  private static String describe(SAXParseException e) {
    if (doctype(e)) {
      return "holds a DOCTYPE declaration, which SSIS packages never have; refused, because one can"
          + " make a parser read other files or the network (XML external entities)";
    }
    return "is not well-formed XML (column " + e.getColumnNumber() + "): " + e.getMessage();
  }

  private static String hint(SAXParseException e) {
    return doctype(e)
        ? "remove the DOCTYPE (and any entity it declares) or take the package from its source"
            + " again"
        : HINT;
  }

  /** The line {@code node} starts on in its file, or 0 when unknown. */
  public static int line(Node node) {
    for (Node n = node; n != null; n = n.getParentNode()) {
      Object line = n.getUserData(LINE);
      if (line instanceof Integer i) {
        return i;
      }
    }
    return 0;
  }

  /** Stops the parse where elements nest deeper than {@link #MAX_DEPTH}. */
  private static final class TooDeep extends SAXParseException {
    private static final long serialVersionUID = 1L;

    TooDeep(Locator locator) {
      super("elements nest too deep", locator);
    }
  }

  /** Builds the DOM from SAX events, recording each element's line. */
  private static final class DomBuilder extends DefaultHandler {
    private final Document doc;
    private Node current;
    private Locator locator;
    private final StringBuilder text = new StringBuilder();
    private int depth;

    DomBuilder(Document doc) {
      this.doc = doc;
      this.current = doc;
    }

    int line() {
      return locator == null ? 0 : locator.getLineNumber();
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes)
        throws TooDeep {
      if (++depth > MAX_DEPTH) {
        throw new TooDeep(locator);
      }
      flushText();
      Element e = doc.createElementNS(uri.isEmpty() ? null : uri, qName);
      for (int i = 0; i < attributes.getLength(); i++) {
        String ns = attributes.getURI(i);
        e.setAttributeNS(ns.isEmpty() ? null : ns, attributes.getQName(i), attributes.getValue(i));
      }
      e.setUserData(LINE, line(), null);
      current.appendChild(e);
      current = e;
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      depth--;
      flushText();
      current = current.getParentNode();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      text.append(ch, start, length);
    }

    private void flushText() {
      if (text.length() > 0 && current != doc) {
        current.appendChild(doc.createTextNode(text.toString()));
      }
      text.setLength(0);
    }

    @Override
    public InputSource resolveEntity(String publicId, String systemId) {
      // Never reached while DOCTYPEs are refused; if it ever is, resolve to nothing.
      return new InputSource(new java.io.StringReader(""));
    }
  }
}
