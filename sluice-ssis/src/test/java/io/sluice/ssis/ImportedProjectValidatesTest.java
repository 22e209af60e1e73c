package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.project.Project;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectFormatException;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.project.ProjectWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every imported package, written by the engine's own writer, is a project the engine's parser
 * accepts: the structure checks of {@code sluice project validate} and {@code catalog deploy}.
 */
class ImportedProjectValidatesTest {

  static Stream<Path> packages() throws IOException {
    return Stream.concat(
        Stream.of(
            TutorialImportTest.TUTORIAL.resolve("Lesson1.dtsx"),
            TutorialImportTest.TUTORIAL.resolve("Lesson2.dtsx")),
        CorpusImportTest.packages());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packages")
  void theWrittenProjectValidates(Path dtsx) {
    ImportResult result = SsisImporter.importPackage(dtsx);
    ProjectFiles files = ProjectWriter.write(result.project());

    Project parsed;
    try {
      parsed = ProjectParser.parse(files);
    } catch (ProjectFormatException e) {
      throw new AssertionError(
          e.getMessage()
              + "\n"
              + new String(
                  files.get(ProjectWriter.packagePath(result.project().packages().get(0).name())),
                  java.nio.charset.StandardCharsets.UTF_8),
          e);
    }
    assertThat(parsed.packages()).hasSize(1);
    assertThat(parsed.packages().get(0).tasks())
        .hasSameSizeAs(result.project().packages().get(0).tasks());
  }
}
