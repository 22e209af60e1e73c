package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import io.sluice.engine.runtime.RunResult;
import io.sluice.ssis.report.ImportEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Execute Process and File System tasks convert to the engine's ExecuteProcess and FileSystem
 * tasks and do in a run what they did in SSIS: the program's output lands in the variable, the file
 * named by a File connection manager is copied to the path a variable holds.
 */
class ProcessAndFileTasksImportTest {

  @TempDir Path dir;

  @Test
  void anExecuteProcessAndAFileSystemTaskConvertAndRun() throws Exception {
    Path input = dir.resolve("in.txt");
    Files.writeString(input, "rates\n");
    Path target = dir.resolve("copy.txt");
    Path dtsx = dir.resolve("ProcessAndFiles.dtsx");
    Files.writeString(
        dtsx,
        Files.readString(Path.of("src/test/resources/tasks/ProcessAndFiles.dtsx"))
            .replace("INPUT_PATH", input.toString())
            .replace("TARGET_PATH", target.toString()));

    ImportResult imported = SsisImporter.importPackage(dtsx);
    assertThat(imported.report().entries())
        .filteredOn(e -> e.path().equals("\\Package\\Say hello"))
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(ImportEntry.Outcome.CONVERTED));
    assertThat(imported.report().entries())
        .filteredOn(e -> e.path().equals("\\Package\\Copy input"))
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(ImportEntry.Outcome.CONVERTED));
    assertThat(imported.report().entries())
        .filteredOn(e -> e.path().equals("\\Package\\Make read-only"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(ImportEntry.Outcome.PLACEHOLDER);
              assertThat(e.note()).contains("SetAttributes has no Sluice form");
            });

    ImportedRun run = ImportedRun.of(dtsx, yaml -> yaml);

    assertThat(run.result().status()).isEqualTo(RunResult.Status.SUCCESS);
    assertThat(Files.readString(target)).isEqualTo("rates\n");
    assertThat(run.events())
        .filteredOn(e -> e.type() == MessageType.INFORMATION)
        .extracting(e -> e.message())
        .contains("User::Out = hello from SSIS");
  }
}
