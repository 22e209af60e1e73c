package io.sluice.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every project under examples/ parses cleanly: they are what users copy. */
class ExamplesTest {

  private static final Path EXAMPLES = Path.of("..", "examples");

  /**
   * Examples of task types from modules the engine does not depend on, by folder, with the test of
   * that module that parses and runs them.
   */
  static final Map<String, String> OF_OTHER_MODULES =
      Map.of(
          "ftp-transfer", "sluice-ftp's Ftp task: sluice-cli's FtpTransferExampleTest",
          "http-rates", "sluice-http's Http task: sluice-cli's HttpRatesExampleTest",
          "send-mail", "sluice-mail's SendMail task: sluice-cli's SendMailExampleTest",
          "xml-rates", "sluice-xml's Xml task and XmlSource: sluice-cli's XmlRatesExampleTest");

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> folders = Files.list(EXAMPLES)) {
      // examples/plugins holds plugin sources and a project that needs their jar (PluginsTest);
      List<Path> list =
          folders
              .filter(f -> Files.isRegularFile(f.resolve("project.yaml")))
              .filter(f -> !OF_OTHER_MODULES.containsKey(f.getFileName().toString()))
              .sorted()
              .toList();
      return list.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void parsesCleanly(Path example) {
    Project project = ProjectArchive.load(example);

    assertThat(project.name()).isEqualTo(example.getFileName().toString());
    assertThat(project.packages()).isNotEmpty();
  }

  @Test
  void theExamplesTheDemoAndTheDocsNameExist() throws IOException {
    assertThat(examples())
        .extracting(p -> p.getFileName().toString())
        .contains("hello", "currency-rates");
  }

  @Test
  void helloIsOnePackageWithOneExpressionTask() {
    Project hello = ProjectArchive.load(EXAMPLES.resolve("hello"));

    assertThat(hello.packages())
        .singleElement()
        .satisfies(
            pkg -> {
              assertThat(pkg.name()).isEqualTo("hello");
              assertThat(pkg.entryPoint()).isTrue();
              assertThat(pkg.tasks())
                  .singleElement()
                  .extracting(TaskDefinition::type)
                  .isEqualTo("Expression");
            });
  }

  @Test
  void currencyRatesHasTheShapeTheDocsDescribe() {
    Project project = ProjectArchive.load(EXAMPLES.resolve("currency-rates"));

    assertThat(project.packages())
        .extracting(PackageDefinition::name)
        .containsExactly("load-dimensions", "load-rates", "main");
    assertThat(project.parameters())
        .anySatisfy(p -> assertThat(p.required()).isTrue())
        .anySatisfy(p -> assertThat(p.sensitive()).isTrue());
    assertThat(project.connections())
        .extracting(ConnectionDefinition::type)
        .containsExactly("jdbc");
    PackageDefinition main = project.findPackage("main").orElseThrow();
    assertThat(main.eventHandlers()).containsKey("OnError");
    assertThat(main.tasks())
        .extracting(TaskDefinition::type)
        .contains("ExecuteSql", "ExecutePackage", "ForeachLoop", "Expression");
    assertThat(project.findPackage("load-rates").orElseThrow().entryPoint()).isFalse();
  }
}
