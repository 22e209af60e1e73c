package io.sluice.engine.project;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds projects from text in tests and collects what the parser says about them. */
final class ProjectFixtures {

  static final String PROJECT = "name: demo\n";

  static final String PACKAGE =
      """
      tasks:
        - name: Only
          type: Expression
          expression: "1 == 1"
      """;

  private ProjectFixtures() {}

  /** Files from alternating path and text arguments. */
  static ProjectFiles files(String... pathsAndTexts) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      files.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return ProjectFiles.of(files);
  }

  /** A project with the default project.yaml and one package file of the given text. */
  static ProjectFiles withPackage(String packageText) {
    return files("project.yaml", PROJECT, "packages/p.yaml", packageText);
  }

  static Project parse(ProjectFiles files) {
    return ProjectParser.parse(files);
  }

  /** Every problem as "file:line:column: message", in the order reported. */
  static List<String> problems(ProjectFiles files) {
    ProjectFormatException[] thrown = new ProjectFormatException[1];
    assertThatThrownBy(
            () -> {
              try {
                ProjectParser.parse(files);
              } catch (ProjectFormatException e) {
                thrown[0] = e;
                throw e;
              }
            })
        .isInstanceOf(ProjectFormatException.class);
    return thrown[0].problems().stream().map(Problem::toString).toList();
  }

  static List<String> packageProblems(String packageText) {
    return problems(withPackage(packageText));
  }
}
