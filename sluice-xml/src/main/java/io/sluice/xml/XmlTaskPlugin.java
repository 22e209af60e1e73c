package io.sluice.xml;

import io.sluice.api.settings.Setting;
import io.sluice.api.settings.SettingValues;
import io.sluice.api.settings.SettingsSchema;
import io.sluice.api.task.PluginTask;
import io.sluice.api.task.TaskPlugin;
import io.sluice.api.task.TaskResult;
import io.sluice.api.task.TaskSetup;

/**
 * SSIS's XML task ({@code type: Xml}): XSD validation, XPath, XSLT 1.0 and merge of XML read from a
 * file connection, a variable or the task itself, the result saved to a variable or a file
 * connection. Settings are SSIS's property names in Sluice's lower camel case.
 */
final class XmlTaskPlugin implements TaskPlugin {

  static final String NAME = "Xml";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SettingsSchema settings() {
    String[] sources = OperandSource.NAMES.toArray(String[]::new);
    return SettingsSchema.of(
        Setting.choice("operationType", "validate", "xpath", "xslt", "merge", "diff", "patch")
            .required()
            .describedAs("What the task does (OperationType)"),
        Setting.choice("sourceType", sources)
            .describedAs(
                "Where the XML document comes from (SourceType), fileConnection by default"),
        Setting.text("source")
            .required()
            .describedAs("A file connection's name, a variable's name or the XML itself (Source)"),
        Setting.choice("secondOperandType", sources)
            .describedAs("Where the second operand comes from, fileConnection by default"),
        Setting.text("secondOperand")
            .describedAs(
                "The XSD (validate), the XPath (xpath), the stylesheet (xslt) or the document to"
                    + " merge (merge) (SecondOperand)"),
        Setting.choice("validationType", "xsd", "dtd")
            .describedAs("validate: the kind of schema (ValidationType), xsd by default"),
        Setting.bool("failOnValidationFail")
            .describedAs("validate: fail the task when the document is invalid (false by default)"),
        Setting.bool("validationDetails")
            .describedAs("validate: the result lists every error instead of true/false"),
        Setting.choice("xpathOperation", XPathQuery.OPERATIONS.toArray(String[]::new))
            .describedAs("xpath: evaluation, nodeList or values (XPathOperation)"),
        Setting.bool("putResultInOneNode")
            .describedAs(
                "xpath nodeList: wrap the nodes in one <root> element (PutResultInOneNode)"),
        Setting.mapping("namespaces")
            .describedAs(
                "Prefixes the XPaths use, e.g. {r: urn:rates} (SSIS takes the document's)"),
        Setting.choice("xpathStringSourceType", sources)
            .describedAs("merge: where the merge location comes from, fileConnection by default"),
        Setting.text("xpathString")
            .describedAs("merge: the XPath of the node the second document's content goes under"),
        Setting.choice("destinationType", "variable", "fileConnection")
            .describedAs("Where the result goes (DestinationType)"),
        Setting.text("destination")
            .describedAs("The variable or file connection the result goes to (Destination)"),
        Setting.bool("overwriteDestination")
            .describedAs("Replace a destination file that exists (OverwriteDestination)"));
  }

  @Override
  public PluginTask prepare(TaskSetup setup) {
    SettingValues s = setup.settings();
    String operation = s.text("operationType");
    if ("diff".equals(operation) || "patch".equals(operation)) {
      setup.problem(
          "operationType "
              + operation
              + " (SSIS's "
              + (operation.equals("diff") ? "Diff" : "Patch")
              + ") is not supported: Sluice's XML task does validate, xpath, xslt and merge");
    }
    if ("dtd".equals(s.text("validationType"))) {
      setup.problem(
          "validationType dtd is not supported: Sluice refuses DOCTYPE declarations (they are how"
              + " XML external entity attacks get in); validate against an XSD");
    }
    if (s.has("sourceType")) {
      OperandSource.of(s.text("sourceType")).check(setup, "sourceType", "source");
    } else {
      OperandSource.FILE_CONNECTION.check(setup, "sourceType", "source");
    }
    if (operation != null && !operation.equals("diff") && !operation.equals("patch")) {
      OperandSource.of(s.text("secondOperandType"))
          .check(setup, "secondOperandType", "secondOperand");
      if (s.has("xpathString")) {
        OperandSource.of(s.text("xpathStringSourceType"))
            .check(setup, "xpathStringSourceType", "xpathString");
      }
    }
    if (s.has("destinationType") != s.has("destination")) {
      setup.problem(
          "'destinationType' and 'destination' go together: give both to save the result, or"
              + " neither");
    } else if (s.has("destination")) {
      String destination = s.text("destination");
      if (s.text("destinationType").equals("variable")) {
        if (!setup.hasVariable(destination)) {
          setup.problem("destination: variable '" + destination + "' does not exist");
        }
      } else if (setup.connectionNames().stream().noneMatch(destination::equalsIgnoreCase)) {
        setup.problem(
            "destination: connection '"
                + destination
                + "' does not exist; connections: "
                + setup.connectionNames());
      }
    }
    return context -> {
      new XmlTask(context).run();
      return TaskResult.SUCCESS;
    };
  }
}
