package io.sluice.xml;

import io.sluice.api.PluginException;
import io.sluice.api.task.TaskContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.ErrorListener;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Templates;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamResult;
import org.xml.sax.SAXParseException;

/**
 * SSIS's XSLT operation: the source transformed by the stylesheet of the second operand, with the
 * JDK's XSLT 1.0 processor. The result keeps the encoding the stylesheet's xsl:output asks for.
 */
final class Xslt {

  private Xslt() {}

  static Output run(TaskContext context, XmlText source, XmlText stylesheet) {
    TransformerFactory factory = SecureXml.transformers();
    Listener listener = new Listener();
    factory.setErrorListener(listener);
    Templates templates;
    try {
      templates = factory.newTemplates(new SAXSource(SecureXml.reader(), stylesheet.input()));
    } catch (TransformerException e) {
      throw failure(stylesheet, "is not a usable XSLT stylesheet", e, listener);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Transformer transformer;
    try {
      transformer = templates.newTransformer();
      transformer.setErrorListener(listener);
      transformer.setURIResolver(factory.getURIResolver());
      transformer.transform(
          new SAXSource(SecureXml.reader(), source.input()), new StreamResult(out));
    } catch (TransformerException e) {
      throw failure(source, "could not be transformed by " + stylesheet.what(), e, listener);
    }
    context
        .events()
        .information(
            "transformed "
                + source.what()
                + " with "
                + stylesheet.what()
                + ": "
                + out.size()
                + " bytes");
    return new Output(
        out.toByteArray(), charset(transformer.getOutputProperty(OutputKeys.ENCODING)));
  }

  private static Charset charset(String name) {
    try {
      return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return StandardCharsets.UTF_8;
    }
  }

  private static PluginException failure(
      XmlText what, String verb, TransformerException e, Listener listener) {
    if (e.getException() instanceof SAXParseException p) {
      return SecureXml.notXml(what, p);
    }
    if (e.getCause() instanceof SAXParseException p) {
      return SecureXml.notXml(what, p);
    }
    List<String> causes = new ArrayList<>(listener.errors);
    String own = e.getMessageAndLocation();
    if (causes.stream().noneMatch(c -> c.contains(e.getMessage()))) {
      causes.add(own);
    }
    return new PluginException(
        what.what() + " " + verb + ": " + String.join("; ", causes),
        "correct the stylesheet (XSLT 1.0; it may not read other files or URLs)");
  }

  /** The processor's errors, kept for the message instead of printed on standard error. */
  private static final class Listener implements ErrorListener {
    final List<String> errors = new ArrayList<>();

    @Override
    public void warning(TransformerException e) {}

    @Override
    public void error(TransformerException e) {
      errors.add(e.getMessageAndLocation());
    }

    @Override
    public void fatalError(TransformerException e) throws TransformerException {
      errors.add(e.getMessageAndLocation());
      throw e;
    }
  }
}
