package io.sluice.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.SluiceCommand;
import io.sluice.ftp.testing.TestServers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/ftp-transfer (docs/package-format.md, Ftp) run by {@code sluice run} against a real FTP
 * server and a real SFTP server started here: received by wildcard, archived file by file in a
 * Foreach loop, deleted from the partner's server; the password never printed.
 */
class FtpTransferExampleTest {

  static final Path EXAMPLE = Path.of("..", "examples", "ftp-transfer");

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void projectValidateRefusesAMisspeltFtpSettingAsABuiltInOne() throws Exception {
    Path copy = dir.resolve("copy");
    Files.createDirectories(copy.resolve("packages"));
    Files.copy(EXAMPLE.resolve("project.yaml"), copy.resolve("project.yaml"));
    Files.writeString(
        copy.resolve("packages/fetch.yaml"),
        Files.readString(EXAMPLE.resolve("packages/fetch.yaml"))
            .replace("remotePath: /archive", "remoteFolder: /archive"));

    int code = run("project", "validate", copy.toString());

    assertThat(code).as(out + "\n" + err).isEqualTo(2);
    assertThat(err.toString())
        .contains("packages/fetch.yaml:")
        .contains("unknown key 'remoteFolder' in an Ftp task")
        .contains("remotePath");
    // the example as shipped validates
    assertThat(run("project", "validate", EXAMPLE.toString())).as(out + "\n" + err).isZero();
  }

  private int run(String... args) {
    return SluiceCommand.commandLine()
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void theExampleFetchesArchivesAndCleansUp() throws Exception {
    Path ftpRoot = TestServers.folder(dir, "ftp");
    Path sftpRoot = TestServers.folder(dir, "sftp");
    Files.createDirectories(ftpRoot.resolve("outgoing"));
    Files.writeString(ftpRoot.resolve("outgoing/rates-1.csv"), "EUR,1.08\n");
    Files.writeString(ftpRoot.resolve("outgoing/rates-2.csv"), "GBP,1.27\n");
    Files.writeString(ftpRoot.resolve("outgoing/readme.txt"), "stays\n");
    Files.createDirectories(sftpRoot.resolve("archive"));
    Path inbox = dir.resolve("inbox");
    try (TestServers.Ftp ftp = new TestServers.Ftp(ftpRoot);
        TestServers.Sftp sftp = new TestServers.Sftp(sftpRoot, dir.resolve("host.key"), null)) {
      int code =
          SluiceCommand.commandLine()
              .setOut(new PrintWriter(out, true))
              .setErr(new PrintWriter(err, true))
              .execute(
                  "run",
                  EXAMPLE.toString(),
                  "--package",
                  "fetch",
                  "--param",
                  "FtpPort=" + ftp.port,
                  "--param",
                  "SftpPort=" + sftp.port,
                  "--param",
                  "SftpHostKey=" + sftp.fingerprint,
                  "--param",
                  "Password=" + TestServers.PASSWORD,
                  "--param",
                  "Inbox=" + inbox);

      assertThat(code).as(out + "\n" + err).isZero();
    }
    assertThat(inbox.resolve("rates-1.csv")).hasContent("EUR,1.08");
    assertThat(sftpRoot.resolve("archive/rates-1.csv")).hasContent("EUR,1.08");
    assertThat(sftpRoot.resolve("archive/rates-2.csv")).hasContent("GBP,1.27");
    assertThat(ftpRoot.resolve("outgoing/rates-1.csv")).doesNotExist();
    assertThat(ftpRoot.resolve("outgoing/readme.txt")).exists();
    assertThat(out.toString()).contains("Package fetch: SUCCESS");
    assertThat(out + err.toString()).doesNotContain(TestServers.PASSWORD);
  }
}
