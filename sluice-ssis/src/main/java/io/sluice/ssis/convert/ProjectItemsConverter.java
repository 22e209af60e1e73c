package io.sluice.ssis.convert;

import io.sluice.api.text.Articles;
import io.sluice.engine.project.ObjectNames;
import io.sluice.engine.project.ParameterDefinition;
import io.sluice.engine.project.ParameterType;
import io.sluice.ssis.SsisImportException;
import io.sluice.ssis.report.ImportEntry.ElementKind;
import io.sluice.ssis.xml.Dts;
import io.sluice.ssis.xml.SafeXml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.w3c.dom.Element;

/**
 * The project items a package of the project deployment model refers to, kept beside it: {@code
 * Project.params} (its {@code $Project::} parameters) and {@code *.conmgr} files (its project
 * connection managers, which its tasks name by DTSID). Without them, a package's Execute SQL tasks
 * on a project connection could only be placeholders.
 */
final class ProjectItemsConverter {

  /** The namespace of Project.params ({@code xmlns:SSIS}). */
  static final String SSIS_NS = "www.microsoft.com/SqlServer/SSIS";

  private ProjectItemsConverter() {}

  static void read(ProjectScope scope, Path folder) {
    Path params = folder.resolve("Project.params");
    if (Files.isRegularFile(params)) {
      parameters(scope, params);
    }
    List<Path> conmgrs;
    try (Stream<Path> files = Files.list(folder)) {
      conmgrs =
          files
              .filter(
                  f ->
                      f.getFileName()
                          .toString()
                          .toLowerCase(java.util.Locale.ROOT)
                          .endsWith(".conmgr"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (conmgrs.isEmpty()) {
      return;
    }
    PackageContext ctx = new PackageContext(scope, conmgrs.get(0), null);
    scope.connections = ctx;
    for (Path file : conmgrs) {
      ctx.file = file;
      Element root;
      try {
        root = SafeXml.read(file).getDocumentElement();
      } catch (SsisImportException e) {
        scope.findings.leftOut(
            null,
            "\\Project.ConnectionManagers[" + file.getFileName() + "]",
            ElementKind.CONNECTION,
            "project connection manager",
            "its file could not be read: " + e.getMessage(),
            e.hint());
        continue;
      }
      if (!"ConnectionManager".equals(root.getLocalName())
          || !Dts.NS.equals(root.getNamespaceURI())) {
        scope.findings.leftOut(
            null,
            "\\Project.ConnectionManagers[" + file.getFileName() + "]",
            ElementKind.CONNECTION,
            "project connection manager",
            file.getFileName()
                + " is not a connection manager (its root is <"
                + root.getNodeName()
                + ">)",
            null);
        continue;
      }
      new ConnectionsConverter(ctx).convert(root, "Project");
    }
  }

  private static void parameters(ProjectScope scope, Path file) {
    Element root;
    try {
      root = SafeXml.read(file).getDocumentElement();
    } catch (SsisImportException e) {
      scope.findings.leftOut(
          null,
          "\\Project.Parameters",
          ElementKind.PROPERTY,
          "Project.params",
          "the project's parameters could not be read: " + e.getMessage(),
          e.hint());
      return;
    }
    for (Element p : Dts.children(root, SSIS_NS, "Parameter")) {
      String name = p.getAttributeNS(SSIS_NS, "Name");
      String path = "\\Project.Parameters[$Project::" + name + "]";
      Map<String, String> props = new HashMap<>();
      for (Element list : Dts.children(p, SSIS_NS, "Properties")) {
        for (Element prop : Dts.children(list, SSIS_NS, "Property")) {
          props.put(prop.getAttributeNS(SSIS_NS, "Name"), prop.getTextContent());
        }
      }
      Optional<String> nameProblem = ObjectNames.identifierProblem("parameter", name);
      Optional<ParameterType> type =
          SsisTypes.typeCode(props.get("DataType")).flatMap(ParameterType::fromName);
      if (nameProblem.isPresent() || type.isEmpty()) {
        scope.findings.leftOut(
            null,
            path,
            ElementKind.PARAMETER,
            "project parameter",
            nameProblem.orElse(
                "its data type " + props.get("DataType") + " is not a parameter type Sluice has"),
            "declare it by hand in project.yaml");
        continue;
      }
      boolean sensitive = "1".equals(props.get("Sensitive")) || Dts.isTrue(props.get("Sensitive"));
      boolean required = "1".equals(props.get("Required")) || Dts.isTrue(props.get("Required"));
      String value = null;
      String note = null;
      String text = props.get("Value");
      if (sensitive) {
        if (text != null && !text.isBlank()) {
          // the project needs a value it had: without one it would run with an empty password
          required = true;
          note = "sensitive: its design value is not imported, so it is required: set it";
        }
      } else if (text != null) {
        Optional<String> v = SsisTypes.value(type.get().ssisName(), text);
        if (v.isPresent() && type.get().invalidValue(v.get()).isEmpty()) {
          value = v.get();
        } else if (!text.isEmpty()) {
          note =
              "its design value '"
                  + text
                  + "' is not "
                  + Articles.a(type.get().ssisName())
                  + "; left out";
        }
      }
      String description = props.get("Description");
      scope.addParameter(
          new ParameterDefinition(
              name, type.get(), required, sensitive, value, Dts.description(description)));
      if (note == null) {
        scope.findings.converted(null, path, ElementKind.PARAMETER, "project parameter");
      } else {
        scope.findings.convertedWithNote(
            null,
            path,
            ElementKind.PARAMETER,
            "project parameter",
            note,
            "set its value in the catalog or with --param");
      }
    }
  }
}
