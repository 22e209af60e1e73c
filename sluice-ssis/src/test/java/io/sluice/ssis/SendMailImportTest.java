package io.sluice.ssis;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.sluice.engine.runtime.RunResult;
import io.sluice.ssis.report.ImportEntry;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SMTP connection manager and Send Mail tasks convert to an smtp connection and SendMail tasks,
 * and send in a run what SSIS sent, to a GreenMail server started here: the message written in the
 * task (with a subject from a property expression, a priority, Cc, Bcc and an attachment), from a
 * variable and from the file of a File connection manager.
 */
class SendMailImportTest {

  @TempDir Path dir;
  private GreenMail server;

  @BeforeEach
  void start() {
    server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void sendMailTasksAndTheirSmtpConnectionConvertAndSend() throws Exception {
    Path body = dir.resolve("body.txt");
    Files.writeString(body, "Body from a file\n");
    Path attachment = dir.resolve("rates.csv");
    Files.writeString(attachment, "a,b\r\n1,2\r\n");
    Path dtsx = dir.resolve("SendMail.dtsx");
    Files.writeString(
        dtsx,
        Files.readString(Path.of("src/test/resources/tasks/SendMail.dtsx"))
            .replace("BODY_PATH", body.toString())
            .replace("ATTACHMENT_PATH", attachment.toString()));

    ImportResult imported = SsisImporter.importPackage(dtsx);
    assertThat(imported.report().entries())
        .filteredOn(
            e ->
                e.path().startsWith("\\Package\\Mail")
                    || e.path().contains("SMTP Connection Manager"))
        .hasSize(4)
        .allSatisfy(e -> assertThat(e.outcome()).isEqualTo(ImportEntry.Outcome.CONVERTED));
    // SSIS refuses a message without recipient too; the task stays (disabled) as a placeholder
    assertThat(imported.report().entries())
        .filteredOn(e -> e.path().equals("\\Package\\Notify nobody"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(ImportEntry.Outcome.PLACEHOLDER);
              assertThat(e.note()).contains("it has no recipient");
            });

    // SSIS sends to port 25; the test's server listens elsewhere, so the user sets the port
    ImportedRun run =
        ImportedRun.of(
            dtsx,
            yaml ->
                yaml.replace(
                    "smtpServer: localhost",
                    "smtpServer: localhost\n    port: " + server.getSmtp().getPort()));

    assertThat(run.result().status())
        .as(run.errors().toString())
        .isEqualTo(RunResult.Status.SUCCESS);
    MimeMessage[] received = server.getReceivedMessages();
    assertThat(received).hasSize(4 + 1 + 1); // two To, a Cc and a Bcc; then one each
    MimeMessage direct = bySubject(received, "Loaded 42 rows");
    assertThat(direct.getSubject()).isEqualTo("Loaded 42 rows");
    assertThat(direct.getHeader("X-Priority")).containsExactly("1");
    Multipart parts = (Multipart) direct.getContent();
    assertThat(parts.getBodyPart(0).getContent().toString().strip())
        .isEqualTo("The load finished.");
    assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("rates.csv");
    assertThat(parts.getBodyPart(1).getInputStream().readAllBytes())
        .isEqualTo(Files.readAllBytes(attachment));
    MimeMessage variable = bySubject(received, "from a variable");
    assertThat(variable.getContent().toString().strip()).isEqualTo("Body from a variable");
    assertThat(variable.getHeader("X-Priority")).containsExactly("5");
    MimeMessage file = bySubject(received, "from a file");
    assertThat(file.getContent().toString().strip()).isEqualTo("Body from a file");
    assertThat(file.getHeader("X-Priority")).isNull();
  }

  private static MimeMessage bySubject(MimeMessage[] received, String subject) throws Exception {
    for (MimeMessage m : received) {
      if (subject.equals(m.getSubject())) {
        return m;
      }
    }
    throw new AssertionError("no message \"" + subject + "\"");
  }
}
