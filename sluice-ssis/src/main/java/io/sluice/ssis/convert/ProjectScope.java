package io.sluice.ssis.convert;

import io.sluice.engine.project.ParameterDefinition;
import io.sluice.ssis.ImportOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the packages of one import share: the project parameters (those the importer adds, such as a
 * connection's password), the names of the packages being imported (so an Execute Package task
 * knows whether its child comes along), and the report.
 */
final class ProjectScope {

  final Findings findings = new Findings();
  final ImportOptions options;
  final List<ParameterDefinition> projectParameters = new ArrayList<>();

  /** Files written beside the project (a Script task's source): path in the project to text. */
  final Map<String, String> sideFiles = new LinkedHashMap<>();

  /**
   * The project's connection managers (.conmgr files) as a context of their own, without a package
   * name; packages look up there what they do not have. Null when the import has none.
   */
  PackageContext connections;

  ProjectScope() {
    this(ImportOptions.DEFAULT);
  }

  ProjectScope(ImportOptions options) {
    this.options = options;
  }

  /** SSIS package file name without .dtsx, lower case, to the Sluice package name. */
  private final Map<String, String> packages = new LinkedHashMap<>();

  void addPackage(String ssisFileName, String packageName) {
    packages.put(key(ssisFileName), packageName);
  }

  /** The Sluice package imported from {@code Child.dtsx} (or {@code Child}), if it is imported. */
  Optional<String> packageNamed(String ssisFileName) {
    return Optional.ofNullable(packages.get(key(ssisFileName)));
  }

  private static String key(String name) {
    String n = name.trim();
    if (n.toLowerCase(Locale.ROOT).endsWith(".dtsx")) {
      n = n.substring(0, n.length() - 5);
    }
    return n.toLowerCase(Locale.ROOT);
  }

  /** Adds a project parameter under a name no other has, and returns that name. */
  String addParameter(ParameterDefinition p) {
    String name = p.name();
    for (int i = 2; hasParameter(name); i++) {
      name = p.name() + i;
    }
    projectParameters.add(
        new ParameterDefinition(
            name, p.type(), p.required(), p.sensitive(), p.defaultValue(), p.description()));
    return name;
  }

  boolean hasParameter(String name) {
    return projectParameters.stream().anyMatch(q -> q.name().equalsIgnoreCase(name));
  }
}
