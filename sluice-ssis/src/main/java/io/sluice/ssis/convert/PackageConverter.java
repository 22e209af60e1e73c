package io.sluice.ssis.convert;

import io.sluice.engine.project.PackageDefinition;
import io.sluice.engine.project.TaskDefinition;
import io.sluice.ssis.SsisImportException;
import io.sluice.ssis.report.ImportEntry.ElementKind;
import io.sluice.ssis.xml.Dts;
import io.sluice.ssis.xml.SafeXml;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One .dtsx into one {@link PackageDefinition}: parameters, connection managers, variables (all
 * scopes), the control flow and event handlers, then the package settings. Every element met is
 * reported to the {@link ProjectScope}'s findings.
 */
final class PackageConverter {

  private PackageConverter() {}

  static PackageDefinition convert(ProjectScope project, Path file, String packageName) {
    Document doc = SafeXml.read(file);
    Element root = doc.getDocumentElement();
    checkIsPackage(file, root);
    PackageContext ctx = new PackageContext(project, file, packageName);
    ctx.packageParameters.addAll(new VariablesConverter(ctx).parameters(root));
    new ConnectionsConverter(ctx).convertAll(root);
    VariablesConverter variables = new VariablesConverter(ctx);
    variables.variables(root, "\\Package");
    scopedVariables(variables, root);
    ControlFlowConverter flow = new ControlFlowConverter(ctx);
    List<TaskDefinition> tasks = flow.tasks(root, "\\Package");
    Map<String, List<TaskDefinition>> handlers = flow.eventHandlers(root, "\\Package");
    Map<String, Object> properties = properties(ctx, root);
    reportEncryptedValues(ctx, root);
    return new PackageDefinition(
        packageName,
        Dts.description(Dts.prop(root, "Description")),
        true,
        List.copyOf(ctx.packageParameters),
        List.copyOf(ctx.variables),
        List.copyOf(ctx.connections),
        tasks,
        handlers,
        properties,
        ctx.location(root));
  }

  /** Variables of containers, tasks and event handlers, declared on the package. */
  private static void scopedVariables(VariablesConverter variables, Element scope) {
    for (Element e : Dts.list(scope, "Executables", "Executable")) {
      String refId = Dts.attr(e, "refId");
      variables.variables(
          e, refId == null ? "\\Package\\" + Dts.prop(e, "ObjectName") : "\\" + refId);
      scopedVariables(variables, e);
    }
    for (Element h : Dts.list(scope, "EventHandlers", "EventHandler")) {
      String refId = Dts.attr(h, "refId");
      variables.variables(h, refId == null ? "\\Package.EventHandlers" : "\\" + refId);
      scopedVariables(variables, h);
    }
  }

  private static Map<String, Object> properties(PackageContext ctx, Element root) {
    Map<String, Object> properties = new LinkedHashMap<>();
    String max = Dts.prop(root, "MaxConcurrentExecutables");
    if (max != null && !max.trim().equals("-1") && max.trim().matches("\\d+")) {
      properties.put("maxConcurrentExecutables", Long.parseLong(max.trim()));
    }
    String errors = Dts.prop(root, "MaximumErrorCount");
    if (errors != null && !errors.trim().equals("1") && errors.trim().matches("\\d+")) {
      properties.put("maximumErrorCount", Long.parseLong(errors.trim()));
    }
    String force = Dts.prop(root, "ForceExecutionResult");
    if (force != null) {
      switch (force.trim()) {
        case "0" -> properties.put("forceExecutionResult", "success");
        case "1" -> properties.put("forceExecutionResult", "failure");
        case "2" -> properties.put("forceExecutionResult", "completion");
        default -> {}
      }
    }
    ControlFlowConverter.unsupportedSettings(ctx, root, "\\Package");
    for (Element pe : Dts.children(root, "PropertyExpression")) {
      ctx.leftOut(
          "\\Package.Properties[" + Dts.attr(pe, "Name") + "]",
          ElementKind.PROPERTY,
          "property expression",
          "a property expression on the package ("
              + pe.getTextContent().trim()
              + ") has no"
              + " Sluice form yet",
          "set the package setting in the file, or pass it when running");
    }
    for (Element lp : Dts.list(root, "LogProviders", "LogProvider")) {
      ctx.leftOut(
          "\\Package.LogProviders[" + Dts.prop(lp, "ObjectName") + "]",
          ElementKind.PROPERTY,
          ConnectionsConverter.shortType(String.valueOf(Dts.prop(lp, "CreationName"))),
          "Sluice does not write SSIS log providers; every event of a run goes to the catalog's"
              + " messages (or the output of sluice run)",
          "read the run's messages in the catalog (sluice catalog messages)");
    }
    for (Element c : Dts.list(root, "Configurations", "Configuration")) {
      ctx.leftOut(
          "\\Package.Configurations[" + Dts.prop(c, "ObjectName") + "]",
          ElementKind.PROPERTY,
          "package configuration",
          "package configurations (the package deployment model) are not imported",
          "turn the configured values into parameters");
    }
    return properties;
  }

  /**
   * A package saved with EncryptSensitiveWithUserKey (SSIS's default: no ProtectionLevel attribute)
   * or EncryptSensitiveWithPassword keeps its passwords and sensitive parameter values encrypted
   * with a Windows user's key or a password. They cannot be read here: each became a required
   * sensitive parameter (a connection's password, a sensitive parameter) to be set, and the report
   * says so once for the package, with the way out.
   */
  private static void reportEncryptedValues(PackageContext ctx, Element root) {
    List<String> encrypted = new java.util.ArrayList<>();
    org.w3c.dom.NodeList all = root.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      boolean sensitive = "1".equals(e.getAttribute("Sensitive"));
      boolean isEncrypted = "1".equals(e.getAttribute("Encrypted")) || e.hasAttribute("Salt");
      if (sensitive && isEncrypted) {
        encrypted.add(owner(e) + " (" + e.getLocalName() + ")");
      }
    }
    if (encrypted.isEmpty()) {
      return;
    }
    String protection = Dts.prop(root, "ProtectionLevel");
    ctx.leftOut(
        "\\Package.Properties[ProtectionLevel]",
        ElementKind.PROPERTY,
        "2".equals(protection) ? "EncryptSensitiveWithPassword" : "EncryptSensitiveWithUserKey",
        encrypted.size()
            + " sensitive value(s) of the package are encrypted and cannot be read: "
            + String.join(", ", encrypted)
            + "; the passwords and sensitive parameters they belong to are required sensitive"
            + " parameters of the imported project, without a value",
        "set them in the catalog (sluice catalog parameters set) or with --param; or open the package in"
            + " Visual Studio, set its ProtectionLevel to DontSaveSensitive, save and import again");
  }

  /** The name of the nearest named element around an encrypted value, for the report. */
  private static String owner(Element e) {
    for (org.w3c.dom.Node n = e; n instanceof Element el; n = n.getParentNode()) {
      String name = Dts.attr(el, "ObjectName");
      if (name != null) {
        return name;
      }
    }
    return "the package";
  }

  private static void checkIsPackage(Path file, Element root) {
    boolean executable =
        "Executable".equals(root.getLocalName()) && Dts.NS.equals(root.getNamespaceURI());
    String type = executable ? String.valueOf(Dts.prop(root, "ExecutableType")) : "";
    if (!executable || !type.toLowerCase(Locale.ROOT).contains("package")) {
      throw new SsisImportException(
          file,
          SafeXml.line(root),
          "is not an SSIS package: its root element is <"
              + root.getNodeName()
              + ">"
              + (root.getNamespaceURI() == null ? "" : " in namespace " + root.getNamespaceURI())
              + ", where a .dtsx has <DTS:Executable> of type Microsoft.Package in namespace "
              + Dts.NS,
          "give a .dtsx file saved by Visual Studio (SSDT) or SQL Server Management Studio");
    }
    String format = Dts.prop(root, "PackageFormatVersion");
    if (format != null && !format.trim().equals("8") && !format.trim().equals("6")) {
      throw new SsisImportException(
          file,
          SafeXml.line(root),
          "is an SSIS package of format "
              + format.trim()
              + " (SSIS 2005/2008); this importer reads formats 6 (SSIS 2012) and 8 (SSIS 2014"
              + " and later)",
          "open the project in Visual Studio (SSDT), which upgrades its packages, save, and import"
              + " again");
    }
    String protection = Dts.prop(root, "ProtectionLevel");
    if ("3".equals(protection) || "4".equals(protection)) {
      throw new SsisImportException(
          file,
          SafeXml.line(root),
          "is encrypted as a whole (ProtectionLevel "
              + ("3".equals(protection) ? "EncryptAllWithPassword" : "EncryptAllWithUserKey")
              + "), so nothing of it can be read",
          "open it in Visual Studio, set the package's ProtectionLevel to DontSaveSensitive,"
              + " save, import again, and set the sensitive values in the catalog");
    }
  }
}
