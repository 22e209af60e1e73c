package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.EventSink;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.project.ProjectWriter;
import io.sluice.engine.runtime.PackageRunner;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.runtime.RunOptions;
import io.sluice.engine.runtime.RunResult;
import io.sluice.ftp.testing.TestServers;
import io.sluice.ssis.report.ImportEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SSIS FTP connection manager and FTP tasks convert to an ftp connection and Ftp tasks, and the
 * imported package receives and deletes files on a real FTP server started here: the remote path
 * from a variable (IsRemotePathVariable), the local folder from a File connection manager, a file
 * to send from a variable (IsLocalPathVariable), the password a sensitive parameter set at run
 * time.
 */
class FtpTaskImportTest {

  @TempDir Path dir;

  @Test
  void anFtpTaskAndConnectionConvertAndRunAgainstARealServer() throws Exception {
    Path root = TestServers.folder(dir, "ftp");
    Files.createDirectories(root.resolve("outgoing"));
    Files.writeString(root.resolve("outgoing/rates.csv"), "EUR,1.08\n");
    Files.createDirectories(root.resolve("incoming"));
    Path inbox = TestServers.folder(dir, "inbox");
    Path report = dir.resolve("report.txt");
    Files.writeString(report, "loaded 1 file\n");
    try (TestServers.Ftp ftp = new TestServers.Ftp(root)) {
      Path dtsx = dir.resolve("FetchRates.dtsx");
      Files.writeString(
          dtsx,
          Files.readString(Path.of("src/test/resources/tasks/Ftp.dtsx"))
              .replace("FTP_PORT", String.valueOf(ftp.port))
              .replace("INBOX_PATH", inbox.toString())
              .replace("REPORT_PATH", report.toString()));

      ImportResult imported = SsisImporter.importPackage(dtsx);
      assertThat(imported.report().entries())
          .filteredOn(e -> e.path().startsWith("\\Package\\"))
          .allSatisfy(e -> assertThat(e.outcome()).isEqualTo(ImportEntry.Outcome.CONVERTED));
      Map<String, byte[]> files = new TreeMap<>(ProjectWriter.write(imported.project()).all());
      String yaml = new String(files.get("packages/FetchRates.yaml"), StandardCharsets.UTF_8);
      assertThat(yaml)
          .contains("type: Ftp")
          .contains("operation: receive")
          .contains("localConnection: Inbox")
          .contains("remotePath: \"@[User::RemoteFiles]\"")
          .contains("localPath: \"@[User::Report]\"")
          .contains("asciiTransfer: true")
          .contains("type: ftp");

      ProjectFiles project = ProjectFiles.of(files);
      List<EngineEvent> events = new CopyOnWriteArrayList<>();
      EventSink sink = events::add;
      RunResult result =
          new PackageRunner(ProjectParser.parse(project), project)
              .run(
                  "FetchRates",
                  new ParameterValues(
                      Map.of("Partner_FTP_Password", TestServers.PASSWORD), Map.of()),
                  RunOptions.defaults(),
                  sink);

      assertThat(result.status()).as(events.toString()).isEqualTo(RunResult.Status.SUCCESS);
      assertThat(inbox.resolve("rates.csv")).hasContent("EUR,1.08");
      assertThat(root.resolve("outgoing/rates.csv")).doesNotExist();
      assertThat(root.resolve("incoming/report.txt")).hasContent("loaded 1 file");
      assertThat(events)
          .filteredOn(e -> e.type() == MessageType.INFORMATION)
          .extracting(EngineEvent::message)
          .anySatisfy(m -> assertThat(m).startsWith("received 1 file from the FTP server"));
    }
  }
}
