package io.sluice.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.testing.RecordedEvents;
import io.sluice.engine.testing.TestRuns;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.helper.SimpleMessageListener;
import org.subethamail.smtp.server.SMTPServer;

/**
 * What GreenMail cannot show: STARTTLS (SSIS's EnableSsl) and a server that refuses a recipient,
 * against a SubEthaSMTP server started here that requires TLS before MAIL and knows no {@code
 * nobody@example.com}.
 */
class SendMailStartTlsTest {

  static SMTPServer server;
  static Path caPem;
  static final List<String> delivered = new CopyOnWriteArrayList<>();
  @TempDir static Path keys;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    TestServerCertificate certificate = TestServerCertificate.issue(keys);
    caPem = certificate.caPem();
    server =
        SMTPServer.port(0)
            .hostName("localhost")
            .requireTLS()
            .startTlsSocketFactory(certificate.serverContext())
            .simpleMessageListener(
                new SimpleMessageListener() {
                  @Override
                  public boolean accept(String from, String recipient) {
                    return !recipient.equals("nobody@example.com");
                  }

                  @Override
                  public void deliver(String from, String recipient, InputStream data)
                      throws java.io.IOException {
                    delivered.add(
                        recipient + "\n" + new String(data.readAllBytes(), StandardCharsets.UTF_8));
                  }
                })
            .build();
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @BeforeEach
  void empty() {
    delivered.clear();
  }

  @Test
  void enableSslSendsAfterStartTlsToAServerThatRequiresIt() {
    RecordedEvents events = run("ops@example.com");

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(delivered)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m).startsWith("ops@example.com\n");
              assertThat(m).contains("Subject: over STARTTLS");
            });
  }

  @Test
  void aRefusedRecipientFailsTheTaskNamingTheAddressAndSendsToNobody() {
    RecordedEvents events = run("ops@example.com; nobody@example.com");

    assertThat(events.result.succeeded()).isFalse();
    assertThat(delivered).isEmpty();
    assertThat(events.messages(MessageType.ERROR))
        .anyMatch(
            s ->
                s.startsWith("task 'Notify' could not send its mail through localhost:")
                    && s.contains("(STARTTLS) (connection 'Mail'): the server refused")
                    && s.contains("nobody@example.com")
                    && s.contains("553")
                    && s.contains("hint: check the addresses in to, cc and bcc"));
  }

  private RecordedEvents run(String to) {
    String project =
        ("name: mail\nconnections:\n  - {name: Mail, type: smtp, smtpServer: localhost, port: %d,"
                + " enableSsl: true, trustedCertificates: '%s'}\n")
            .formatted(server.getPortAllocated(), caPem);
    String main =
        """
        tasks:
          - name: Notify
            type: SendMail
            smtpConnection: Mail
            from: alerts@example.com
            to: "%s"
            subject: over STARTTLS
            messageSource: hello
        """
            .formatted(to);
    return TestRuns.run(
        ProjectFiles.of(
            Map.of(
                "project.yaml",
                project.getBytes(StandardCharsets.UTF_8),
                "packages/main.yaml",
                main.getBytes(StandardCharsets.UTF_8))),
        dir.resolve("jars"),
        "main",
        new ParameterValues(Map.of(), Map.of()));
  }
}
