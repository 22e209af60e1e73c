package io.sluice.cli.remote;

import static io.sluice.cli.remote.TestCluster.executionId;
import static io.sluice.cli.remote.TestCluster.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.cli.catalog.CliRun.Result;
import io.sluice.ftp.testing.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * examples/ftp-transfer deployed through a real master and run on a real Scale Out worker against
 * an FTP and an SFTP server started here: the master checks the Ftp task's settings at deploy, the
 * worker has the task, and the password, given as a sensitive parameter of the execution, is in
 * none of the catalog's messages.
 */
class FtpEndToEndTest extends ClusterTest {

  @Test
  void theFtpExampleRunsOnAScaleOutWorker() throws Exception {
    Path ftpRoot = TestServers.folder(dir, "ftp-root");
    Path sftpRoot = TestServers.folder(dir, "sftp-root");
    Files.createDirectories(ftpRoot.resolve("outgoing"));
    Files.writeString(ftpRoot.resolve("outgoing/rates.csv"), "EUR,1.08\n");
    Files.createDirectories(sftpRoot.resolve("archive"));
    Path inbox = dir.resolve("inbox");
    Path password = Files.writeString(dir.resolve("password.txt"), TestServers.PASSWORD + "\n");

    ok(cluster.remote("catalog", "folders", "create", "F"));
    ok(
        cluster.remote(
            "catalog",
            "deploy",
            Path.of("..", "examples", "ftp-transfer").toString(),
            "--folder",
            "F"));
    cluster.startWorker();
    try (TestServers.Ftp ftp = new TestServers.Ftp(ftpRoot);
        TestServers.Sftp sftp = new TestServers.Sftp(sftpRoot, dir.resolve("host.key"), null)) {
      Result run =
          cluster.remote(
              "execute",
              "--folder",
              "F",
              "--project",
              "ftp-transfer",
              "--package",
              "fetch",
              "--param",
              "FtpPort=" + ftp.port,
              "--param",
              "SftpPort=" + sftp.port,
              "--param",
              "SftpHostKey=" + sftp.fingerprint,
              "--param",
              "Password=@" + password,
              "--param",
              "Inbox=" + inbox,
              "--wait");

      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      assertThat(run.out()).contains("started in scale out");
      Result messages = ok(cluster.remote("catalog", "messages", executionId(run.out())));
      assertThat(messages.out())
          .contains("received 1 file from the FTP server 127.0.0.1:" + ftp.port)
          .doesNotContain(TestServers.PASSWORD);
    }
    assertThat(sftpRoot.resolve("archive/rates.csv")).hasContent("EUR,1.08");
    assertThat(ftpRoot.resolve("outgoing/rates.csv")).doesNotExist();
  }
}
