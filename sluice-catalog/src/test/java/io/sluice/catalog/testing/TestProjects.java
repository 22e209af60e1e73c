package io.sluice.catalog.testing;

import io.sluice.engine.project.ProjectArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes small project folders (project.yaml + packages/*.yaml) for tests and packs them. */
public final class TestProjects {

  /** A task every test package can run: evaluates a constant expression. */
  public static final String NOOP_TASKS =
      """
      tasks:
        - name: Noop
          type: Expression
          expression: "1 == 1"
      """;

  private final String name;
  private String projectParameters = "";
  private final Map<String, String> packages = new LinkedHashMap<>();

  private TestProjects(String name) {
    this.name = name;
  }

  public static TestProjects project(String name) {
    return new TestProjects(name);
  }

  /**
   * The sample most tests use: project parameters ServerName (String, default db1), BatchSize
   * (Int32, 500), Password (sensitive, default design-secret), Region (required, no default);
   * package Load (parameter Day, DateTime) and package Helper (not an entry point).
   */
  public static TestProjects sample(String name) {
    return project(name)
        .parameters(
            """
            - name: ServerName
              type: String
              default: db1
            - name: BatchSize
              type: Int32
              default: "500"
            - name: Password
              type: String
              sensitive: true
              default: design-secret
            - name: Region
              type: String
              required: true
            """)
        .withPackage(
            "Load",
            """
            parameters:
              - name: Day
                type: DateTime
                default: "2024-01-31"
            """)
        .withPackage("Helper", "entryPoint: false\n");
  }

  /** Project parameters as a YAML list (without the {@code parameters:} key). */
  public TestProjects parameters(String yamlList) {
    this.projectParameters = yamlList;
    return this;
  }

  /** A package {@code packages/<name>.yaml}: {@code body} plus the no-op tasks. */
  public TestProjects withPackage(String packageName, String body) {
    packages.put(packageName, "name: " + packageName + "\n" + body + NOOP_TASKS);
    return this;
  }

  public Path writeTo(Path parent) {
    Path dir = parent.resolve(name + "-" + System.nanoTime());
    try {
      Files.createDirectories(dir.resolve("packages"));
      StringBuilder yaml = new StringBuilder("name: " + name + "\ndescription: test project\n");
      if (!projectParameters.isBlank()) {
        yaml.append("parameters:\n").append(projectParameters.indent(2));
      }
      Files.writeString(dir.resolve("project.yaml"), yaml);
      for (Map.Entry<String, String> p : packages.entrySet()) {
        Files.writeString(dir.resolve("packages").resolve(p.getKey() + ".yaml"), p.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /** Writes the project under {@code parent} and packs it as archive bytes. */
  public byte[] pack(Path parent) {
    return ProjectArchive.pack(writeTo(parent));
  }
}
