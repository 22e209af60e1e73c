package io.sluice.ssis.convert;

import static io.sluice.ssis.convert.ProcessAndFileTasks.attr;

import io.sluice.engine.plugin.BuiltInPlugins;
import io.sluice.ssis.convert.PackageContext.ConvertedConnection;
import io.sluice.ssis.convert.TaskConverters.Outcome;
import io.sluice.ssis.xml.Dts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * The XML task, whose settings a .dtsx keeps as attributes of {@code XMLTaskData} under
 * DTS:ObjectData, into sluice-xml's Xml task: Validate (XSD), XPATH, XSLT and Merge with each
 * operand from a File connection manager (which must have become a {@code file} connection), a
 * variable or direct input. DTD validation, Diff and Patch stay placeholders.
 */
final class XmlTaskConverter {

  /** A prefixed name in an XPath ({@code r:rate}), not an axis ({@code child::}). */
  private static final Pattern PREFIXED =
      Pattern.compile("(?<![:\\w.-])[A-Za-z_][\\w.-]*:(?!:)[A-Za-z_*]");

  private final PackageContext ctx;
  private final BiFunction<String, Boolean, Optional<String>> referenceProblem;

  XmlTaskConverter(
      PackageContext ctx, BiFunction<String, Boolean, Optional<String>> referenceProblem) {
    this.ctx = ctx;
    this.referenceProblem = referenceProblem;
  }

  Outcome convert(Element e, Draft d) {
    if (BuiltInPlugins.taskPlugins().stream().noneMatch(t -> t.name().equals("Xml"))) {
      return Outcome.placeholder(
          "this Sluice has no Xml task (the sluice-xml module is not on its class path)",
          "import with the sluice command, whose distribution has it");
    }
    Element data = Dts.objectData(e).orElse(null);
    if (data == null) {
      return Outcome.placeholder("its XML task settings (XMLTaskData) are missing", null);
    }
    String operation =
        switch (word(attr(data, "OperationType"))) {
          case "VALIDATE", "0" -> "validate";
          case "XSLT", "1" -> "xslt";
          case "XPATH", "2" -> "xpath";
          case "MERGE", "3" -> "merge";
          case "DIFF", "4" -> "diff";
          case "PATCH", "5" -> "patch";
          default -> null;
        };
    if (operation == null) {
      return Outcome.placeholder(
          "its OperationType " + attr(data, "OperationType") + " is not SSIS's", null);
    }
    if (operation.equals("diff") || operation.equals("patch")) {
      return Outcome.placeholder(
          "Sluice's Xml task has no "
              + (operation.equals("diff") ? "Diff" : "Patch")
              + " operation",
          "compare or patch the documents with a Script task");
    }
    if (operation.equals("validate") && word(attr(data, "ValidationType")).matches("DTD|0")) {
      return Outcome.placeholder(
          "it validates against a DTD, which Sluice refuses (DOCTYPE declarations are not read)",
          "write an XSD for the document and validate against it");
    }
    d.type = "Xml";
    d.properties.put("operationType", operation);
    List<String> notes = new ArrayList<>();
    Optional<String> problem =
        operand(data, "SourceType", "Source", "sourceType", "source", d, true);
    if (problem.isEmpty()) {
      problem =
          operand(
              data,
              "SecondOperandType",
              "SecondOperand",
              "secondOperandType",
              "secondOperand",
              d,
              true);
    }
    if (problem.isEmpty() && operation.equals("merge") && !attr(data, "XPathString").isBlank()) {
      problem =
          operand(
              data,
              "XPathStringSourceType",
              "XPathString",
              "xpathStringSourceType",
              "xpathString",
              d,
              false);
    }
    if (problem.isEmpty()) {
      problem = destination(data, d);
    }
    if (problem.isPresent()) {
      d.type = null;
      d.properties.clear();
      return Outcome.placeholder(problem.get(), "convert it by hand as an Xml task");
    }
    switch (operation) {
      case "validate" -> {
        flag(data, "FailOnValidationFail", "failOnValidationFail", d);
        flag(data, "ValidationDetails", "validationDetails", d);
      }
      case "xpath" -> {
        switch (word(attr(data, "XPathOperation"))) {
          case "NODELIST", "1" -> d.properties.put("xpathOperation", "nodeList");
          case "VALUES", "2" -> d.properties.put("xpathOperation", "values");
          default -> {} // Evaluation, SSIS's default and Sluice's
        }
        flag(data, "PutResultInOneNode", "putResultInOneNode", d);
      }
      default -> {}
    }
    List<Object> xpaths = new ArrayList<>();
    if (operation.equals("xpath") && "directInput".equals(d.properties.get("secondOperandType"))) {
      xpaths.add(d.properties.get("secondOperand"));
    }
    if ("directInput".equals(d.properties.get("xpathStringSourceType"))) {
      xpaths.add(d.properties.get("xpathString"));
    }
    if (xpaths.stream().anyMatch(x -> PREFIXED.matcher(String.valueOf(x)).find())) {
      notes.add(
          "its XPath uses namespace prefixes, which SSIS takes from the document: give them in"
              + " the task's namespaces ({prefix: uri})");
    }
    Map<String, String> targets = new LinkedHashMap<>();
    targets.put("Source", "source");
    targets.put("SecondOperand", "secondOperand");
    targets.put("XPathString", "xpathString");
    targets.put("Destination", "destination");
    return Outcome.converted(targets, notes);
  }

  /** One operand: a File connection manager, a variable or the text itself. */
  private Optional<String> operand(
      Element data,
      String typeAttribute,
      String valueAttribute,
      String typeSetting,
      String valueSetting,
      Draft d,
      boolean required) {
    String value = attr(data, valueAttribute);
    if (value.isBlank()) {
      return required ? Optional.of("its " + valueAttribute + " is empty") : Optional.empty();
    }
    switch (word(attr(data, typeAttribute))) {
      case "", "FILECONNECTION", "0" -> {
        Optional<ConvertedConnection> file = ctx.connection(value.trim());
        if (file.isEmpty() || !"file".equals(file.get().type())) {
          return Optional.of(
              "its "
                  + valueAttribute
                  + " is the file of connection manager "
                  + value
                  + ", which "
                  + (file.isEmpty()
                      ? "is not in this package"
                      : "was not converted to a file connection"));
        }
        d.properties.put(valueSetting, file.get().name());
      }
      case "VARIABLE", "1" -> {
        Optional<String> problem = referenceProblem.apply(value.trim(), false);
        if (problem.isPresent()) {
          return Optional.of("its " + valueAttribute + " is " + value + ", and " + problem.get());
        }
        d.properties.put(typeSetting, "variable");
        d.properties.put(valueSetting, value.trim());
      }
      case "DIRECTINPUT", "2" -> {
        d.properties.put(typeSetting, "directInput");
        d.properties.put(valueSetting, value);
      }
      default -> {
        return Optional.of(
            "its " + typeAttribute + " " + attr(data, typeAttribute) + " is not SSIS's");
      }
    }
    return Optional.empty();
  }

  /** SaveOperationResult, DestinationType, Destination and OverwriteDestination. */
  private Optional<String> destination(Element data, Draft d) {
    if (!isTrue(attr(data, "SaveOperationResult"))) {
      return Optional.empty();
    }
    String destination = attr(data, "Destination").trim();
    if (destination.isEmpty()) {
      return Optional.of("it saves its result but names no Destination");
    }
    switch (word(attr(data, "DestinationType"))) {
      case "", "FILECONNECTION", "0" -> {
        Optional<ConvertedConnection> file = ctx.connection(destination);
        if (file.isEmpty() || !"file".equals(file.get().type())) {
          return Optional.of(
              "its result goes to the file of connection manager "
                  + destination
                  + ", which "
                  + (file.isEmpty()
                      ? "is not in this package"
                      : "was not converted to a file connection"));
        }
        d.properties.put("destinationType", "fileConnection");
        d.properties.put("destination", file.get().name());
      }
      case "VARIABLE", "1" -> {
        Optional<String> problem = referenceProblem.apply(destination, true);
        if (problem.isPresent()) {
          return Optional.of("its result goes to " + destination + ", and " + problem.get());
        }
        d.properties.put("destinationType", "variable");
        d.properties.put("destination", destination);
      }
      default -> {
        return Optional.of(
            "its DestinationType " + attr(data, "DestinationType") + " is not SSIS's");
      }
    }
    flag(data, "OverwriteDestination", "overwriteDestination", d);
    return Optional.empty();
  }

  private static void flag(Element data, String attribute, String setting, Draft d) {
    if (isTrue(attr(data, attribute))) {
      d.properties.put(setting, true);
    }
  }

  private static boolean isTrue(String value) {
    return value.trim().equalsIgnoreCase("true") || value.trim().equals("-1");
  }

  private static String word(String value) {
    return value.trim().toUpperCase(Locale.ROOT);
  }
}
