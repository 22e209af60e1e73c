package io.sluice.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.sluice.cli.SluiceCommand;
import io.sluice.cli.catalog.CliRun;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/send-mail as docs/package-format.md shows it, run by {@code sluice run} against a
 * GreenMail SMTP server started here that wants a login: the report arrives, and the password given
 * on the command line appears nowhere in what sluice prints.
 */
class SendMailExampleTest {

  static final Path EXAMPLE = Path.of("..", "examples", "send-mail");
  static final String PASSWORD = "example-Pa55word";

  private GreenMail server;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() {
    server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    server.start();
    server.setUser("reports@example.com", "reports", PASSWORD);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void sluiceRunMailsTheReportThroughTheServer() throws Exception {
    int code =
        SluiceCommand.commandLine()
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(
                "run",
                EXAMPLE.toString(),
                "--package",
                "report",
                "--param",
                "$Project::SmtpPort=" + server.getSmtp().getPort(),
                "--param",
                "$Project::SmtpUser=reports",
                "--param",
                "$Project::SmtpPassword=" + PASSWORD,
                "--param",
                "$Project::Recipients=ops@example.com;night@example.com");

    assertThat(code).as(out + "\n" + err).isZero();
    MimeMessage[] received = server.getReceivedMessages();
    assertThat(received).hasSize(3); // two To, one Cc
    assertThat(received[0].getSubject()).isEqualTo("Nightly load report");
    assertThat(received[0].getContent().toString().strip())
        .isEqualTo("The nightly load wrote 42 rows.");
    assertThat(received[0].getHeader("X-Priority")).containsExactly("1");
    assertThat(out + "\n" + err).doesNotContain(PASSWORD);
  }

  @Test
  void projectValidateAcceptsTheExampleAndRefusesAMisspeltSettingAsForABuiltIn(@TempDir Path dir)
      throws Exception {
    CliRun.Result valid = CliRun.run("project", "validate", EXAMPLE.toString());
    assertThat(valid.exitCode()).as(valid.err()).isZero();
    assertThat(valid.out()).startsWith("project send-mail is valid: 1 package");

    Path copy = dir.resolve("send-mail");
    Files.createDirectories(copy.resolve("packages"));
    Files.copy(EXAMPLE.resolve("project.yaml"), copy.resolve("project.yaml"));
    Files.writeString(
        copy.resolve("packages/report.yaml"),
        Files.readString(EXAMPLE.resolve("packages/report.yaml"))
            .replace("priority: high", "prority: high"));

    CliRun.Result refused = CliRun.run("project", "validate", copy.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err())
        .contains(
            "packages/report.yaml:18:5: unknown key 'prority' in a SendMail task; did you mean"
                + " 'priority'?");
  }

  @Test
  void theDocsShowTheExampleThatRuns() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "package-format.md"));
    assertThat(docs)
        .contains(Files.readString(EXAMPLE.resolve("packages/report.yaml")))
        .contains(Files.readString(EXAMPLE.resolve("project.yaml")).split("\nconnections:\n")[1]);
  }
}
