package io.sluice.xml;

import io.sluice.api.PluginException;
import io.sluice.api.task.TaskContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;

/**
 * SSIS's Validate operation with ValidationType XSD: the source against the schema of the second
 * operand. Every error is collected with its line, so one run tells everything that is wrong.
 */
final class XsdValidation {

  private final TaskContext context;

  XsdValidation(TaskContext context) {
    this.context = context;
  }

  Output run(XmlText source, XmlText xsd) {
    Schema schema = schema(xsd);
    Errors.Collecting errors = new Errors.Collecting();
    try {
      Validator validator = schema.newValidator();
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.setErrorHandler(errors);
      validator.validate(new SAXSource(SecureXml.reader(), source.input()));
    } catch (SAXParseException e) {
      throw SecureXml.notXml(source, e);
    } catch (SAXException | IOException e) {
      throw new PluginException(
          "cannot validate " + source.what() + ": " + e.getMessage(), "correct the XML");
    }
    boolean valid = errors.errors.isEmpty();
    if (valid) {
      context.events().information(source.what() + " is valid against " + xsd.what());
    } else {
      String list = list(errors.errors);
      if (context.settings().bool("failOnValidationFail", false)) {
        throw new PluginException(
            source.what() + " does not match the schema in " + xsd.what() + ": " + list,
            "correct the document, or the schema");
      }
      context.events().warning(source.what() + " does not match the schema: " + list);
    }
    if (context.settings().bool("validationDetails", false)) {
      return new Output(SecureXml.serialize(details(errors.errors)), StandardCharsets.UTF_8);
    }
    return Output.text(valid ? "true" : "false");
  }

  private static String list(List<SAXParseException> errors) {
    return errors.size()
        + (errors.size() == 1 ? " error: " : " errors: ")
        + errors.stream().map(Errors::at).collect(Collectors.joining("; "));
  }

  /** SSIS's ValidationDetails: the errors as a document, each with its line and column. */
  private static Document details(List<SAXParseException> errors) {
    try {
      Document d = SecureXml.documents().newDocumentBuilder().newDocument();
      Element root = d.createElement("ValidationResult");
      root.setAttribute("valid", String.valueOf(errors.isEmpty()));
      d.appendChild(root);
      for (SAXParseException e : errors) {
        Element error = d.createElement("Error");
        error.setAttribute("line", String.valueOf(e.getLineNumber()));
        error.setAttribute("column", String.valueOf(e.getColumnNumber()));
        error.setTextContent(e.getMessage());
        root.appendChild(error);
      }
      return d;
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The XSD compiled with the same locks; xs:include and xs:import may read files next to a schema
   * that comes from a file connection, never a network address.
   */
  private static Schema schema(XmlText xsd) {
    SchemaFactory f = SchemaFactory.newDefaultInstance();
    try {
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, xsd.file() != null ? "file" : "");
    } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
      throw new IllegalStateException(e);
    }
    f.setErrorHandler(new Errors.Throwing());
    try {
      return f.newSchema(new SAXSource(SecureXml.reader(), xsd.input()));
    } catch (SAXParseException e) {
      if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
        throw SecureXml.notXml(xsd, e);
      }
      throw new PluginException(
          xsd.what() + " is not a usable XSD: " + Errors.at(e), "correct the schema");
    } catch (SAXException e) {
      throw new PluginException(
          xsd.what() + " is not a usable XSD: " + e.getMessage(), "correct the schema");
    }
  }
}
