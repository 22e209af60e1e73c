package io.sluice.engine.runtime;

import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectParser;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

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

  Project parse() {
    return ProjectParser.parse(files());
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
