package io.sluice.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.project.ProjectWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Projects written inline in tests, parsed by the real parser. */
final class TestProjects {

  private final Map<String, byte[]> files = new LinkedHashMap<>();

  static TestProjects project(String projectYaml) {
    TestProjects p = new TestProjects();
    p.files.put("project.yaml", projectYaml.getBytes(StandardCharsets.UTF_8));
    return p;
  }

  static TestProjects withPackage(String name, String yaml) {
    return project("name: test\n").file("packages/" + name + ".yaml", yaml);
  }

  TestProjects file(String path, String content) {
    files.put(path, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  TestProjects file(String path, byte[] content) {
    files.put(path, content);
    return this;
  }

  ProjectFiles files() {
    return ProjectFiles.of(files);
  }

  /**
   * Parses the project, and checks on the way that {@link ProjectWriter} writes it back: the
   * written files read back into a project that is written the same again, so every project a
   * runtime test runs is also a round trip of the writer.
   */
  Project parse() {
    Project project = ProjectParser.parse(files());
    Map<String, byte[]> rewritten = new TreeMap<>(files);
    rewritten.keySet().removeIf(p -> p.equals("project.yaml") || p.startsWith("packages/"));
    rewritten.putAll(ProjectWriter.write(project).all());
    Project again = ProjectParser.parse(ProjectFiles.of(rewritten));
    assertThat(text(ProjectWriter.write(again))).isEqualTo(text(ProjectWriter.write(project)));
    return project;
  }

  private static Map<String, String> text(ProjectFiles files) {
    Map<String, String> text = new TreeMap<>();
    files.all().forEach((path, bytes) -> text.put(path, new String(bytes, StandardCharsets.UTF_8)));
    return text;
  }

  PackageRunner runner() {
    return new PackageRunner(parse(), files());
  }

  /** Runs {@code packageName} with default options, recording into {@code sink}. */
  RunResult run(String packageName, RecordingSink sink) {
    return run(packageName, ParameterValues.none(), RunOptions.defaults(), sink);
  }

  RunResult run(
      String packageName, ParameterValues values, RunOptions options, RecordingSink sink) {
    return runner()
        .run(
            packageName,
            values,
            options.withLoggingLevel(io.sluice.engine.event.LoggingLevel.VERBOSE),
            sink);
  }
}
