package io.sluice.ssis.convert;

import io.sluice.engine.project.ConnectionDefinition;
import io.sluice.engine.project.ParameterDefinition;
import io.sluice.engine.project.SourceLocation;
import io.sluice.engine.project.VariableDefinition;
import io.sluice.ssis.report.ImportEntry.ElementKind;
import io.sluice.ssis.xml.SafeXml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Node;

/** What the converters of one package share while they walk it. */
final class PackageContext {

  final ProjectScope project;
  Path file;
  final String packageName;
  final List<VariableDefinition> variables = new ArrayList<>();
  final List<ConnectionDefinition> connections = new ArrayList<>();
  final List<ParameterDefinition> packageParameters = new ArrayList<>();

  /** Connection managers by DTSID, refId and name (upper case), as tasks refer to them. */
  private final Map<String, ConvertedConnection> connectionKeys = new HashMap<>();

  /**
   * A connection manager of the package and what it became.
   *
   * @param type the Sluice connection type ({@code jdbc}, {@code flatFile}, {@code file}), or null
   *     when it was not converted
   * @param why why it was not converted, or null
   */
  record ConvertedConnection(String name, String ssisType, String type, String why) {}

  PackageContext(ProjectScope project, Path file, String packageName) {
    this.project = project;
    this.file = file;
    this.packageName = packageName;
  }

  void registerConnection(ConvertedConnection c, String... keys) {
    for (String key : keys) {
      if (key != null && !key.isEmpty()) {
        connectionKeys.put(key.toUpperCase(Locale.ROOT), c);
      }
    }
  }

  /** A connection manager named by its DTSID, refId or name, as tasks write it. */
  Optional<ConvertedConnection> connection(String reference) {
    if (reference == null) {
      return Optional.empty();
    }
    String key = reference.trim().toUpperCase(Locale.ROOT);
    ConvertedConnection c = connectionKeys.get(key);
    if (c == null && key.startsWith("PACKAGE.CONNECTIONMANAGERS[")) {
      c = connectionKeys.get(key.substring(27, key.length() - 1));
    }
    if (c == null && project.connections != null && project.connections != this) {
      return project.connections.connection(reference); // a project connection manager
    }
    return Optional.ofNullable(c);
  }

  boolean hasVariable(String qualifiedName) {
    return variable(qualifiedName).isPresent();
  }

  Optional<VariableDefinition> variable(String qualifiedName) {
    return variables.stream()
        .filter(v -> v.qualifiedName().equalsIgnoreCase(qualifiedName))
        .findFirst();
  }

  SourceLocation location(Node node) {
    return new SourceLocation(file.getFileName().toString(), SafeXml.line(node), 1);
  }

  void converted(String path, ElementKind kind, String ssisType) {
    project.findings.converted(packageName, path, kind, ssisType);
  }

  void convertedWithNote(String path, ElementKind kind, String ssisType, String note, String todo) {
    project.findings.convertedWithNote(packageName, path, kind, ssisType, note, todo);
  }

  void placeholder(String path, ElementKind kind, String ssisType, String why, String todo) {
    project.findings.placeholder(packageName, path, kind, ssisType, why, todo);
  }

  void leftOut(String path, ElementKind kind, String ssisType, String why, String todo) {
    project.findings.leftOut(packageName, path, kind, ssisType, why, todo);
  }
}
