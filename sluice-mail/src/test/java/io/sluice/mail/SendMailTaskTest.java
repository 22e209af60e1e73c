package io.sluice.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.Problem;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectFormatException;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.testing.RecordedEvents;
import io.sluice.engine.testing.TestRuns;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Send Mail task as a package runs it, against a GreenMail server started here: plain SMTP with
 * a login, SMTPS with a certificate issued by a test CA, and the servers' refusals.
 */
class SendMailTaskTest {

  static final String PASSWORD = "Tr0ub4dor&3-smtp";

  static GreenMail server;
  static Path caPem;
  @TempDir static Path keys;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    TestServerCertificate certificate = TestServerCertificate.issue(keys);
    // GreenMail reads its TLS key once per JVM, from these properties
    System.setProperty("greenmail.tls.keystore.file", certificate.keyStore().toString());
    System.setProperty("greenmail.tls.keystore.password", TestServerCertificate.PASSWORD);
    System.setProperty("greenmail.tls.key.password", TestServerCertificate.PASSWORD);
    caPem = certificate.caPem();
    server =
        new GreenMail(
            new ServerSetup[] {
              ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()
            });
    server.start();
    server.setUser("alerts@example.com", "alerts", PASSWORD);
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @BeforeEach
  void empty() throws Exception {
    server.purgeEmailFromAllMailboxes();
  }

  @Test
  void aMessageWrittenInTheTaskReachesToCcAndBccWithItsSubjectBodyAndPriority() throws Exception {
    RecordedEvents events =
        run(
            plainConnection(),
            """
                to: "ops@example.com; Night Shift <night@example.com>"
                cc: audit@example.com
                bcc: boss@example.com
                subject: Load finished ✓
                messageSource: |
                  All 42 files were loaded.
                priority: high
            """);

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    MimeMessage[] received = server.getReceivedMessages();
    assertThat(received).hasSize(4); // one delivery per recipient: 3 shown, Bcc's the 4th
    MimeMessage m = received[0];
    assertThat(m.getSubject()).isEqualTo("Load finished ✓");
    assertThat(((String) m.getContent()).strip()).isEqualTo("All 42 files were loaded.");
    assertThat(m.getFrom()[0].toString()).isEqualTo("alerts@example.com");
    assertThat(Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString))
        .containsExactly("ops@example.com", "Night Shift <night@example.com>");
    assertThat(m.getRecipients(Message.RecipientType.CC)[0].toString())
        .isEqualTo("audit@example.com");
    assertThat(m.getHeader("Bcc")).as("Bcc is not shown to the others").isNull();
    assertThat(m.getHeader("X-Priority")).containsExactly("1");
    assertThat(m.getHeader("Importance")).containsExactly("high");
    assertThat(events.messages(MessageType.INFORMATION))
        .anyMatch(s -> s.contains("sent \"Load finished ✓\" to 4 recipients through localhost:"));
  }

  @Test
  void theBodyComesFromAVariableAndAFileConnectionAndAttachmentsArriveIntact() throws Exception {
    Path body = dir.resolve("body.txt");
    Files.writeString(body, "Body from a file: ü\n");
    Path csv = dir.resolve("rates.csv");
    Files.writeString(csv, "a,b\n1,2\n");
    Path binary = dir.resolve("blob.bin");
    byte[] bytes = new byte[5000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    Files.write(binary, bytes);
    Map<String, byte[]> files =
        project(
            plainConnection() + "  - {name: Body, type: file, path: '" + body + "'}\n",
            """
            variables:
              - {name: Report, type: String, value: "Body from a variable"}
            tasks:
              - name: From variable
                type: SendMail
                smtpConnection: Mail
                from: alerts@example.com
                to: ops@example.com
                subject: one
                messageSourceType: variable
                messageSource: User::Report
                priority: low
              - name: From file
                type: SendMail
                after: [From variable]
                smtpConnection: Mail
                from: alerts@example.com
                to: ops@example.com
                subject: two
                messageSourceType: fileConnection
                messageSource: Body
                attachments: "%s|%s"
            """
                .formatted(csv, binary));

    RecordedEvents events = run(files, Map.of());

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    MimeMessage[] received = server.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received[0].getContent()).isEqualTo("Body from a variable");
    assertThat(received[0].getHeader("X-Priority")).containsExactly("5");
    Multipart parts = (Multipart) received[1].getContent();
    assertThat(parts.getCount()).isEqualTo(3);
    assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"))
        .isEqualTo("Body from a file: ü\n");
    Part first = parts.getBodyPart(1);
    assertThat(first.getFileName()).isEqualTo("rates.csv");
    assertThat(first.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(first.getInputStream().readAllBytes()).isEqualTo(Files.readAllBytes(csv));
    assertThat(parts.getBodyPart(2).getFileName()).isEqualTo("blob.bin");
    assertThat(parts.getBodyPart(2).getInputStream().readAllBytes()).isEqualTo(bytes);
  }

  @Test
  void implicitTlsWithTheServersCaSendsAndAnUntrustedCertificateFails() throws Exception {
    String tls =
        "  - {name: Mail, type: smtp, smtpServer: localhost, port: %d, implicitTls: true,"
            + " user: alerts, trustedCertificates: '%s',"
            + " expressions: {password: '@[$Project::SmtpPassword]'}}\n";
    RecordedEvents events =
        run(
            tls.formatted(server.getSmtps().getPort(), caPem),
            "    to: ops@example.com\n    subject: over TLS\n    messageSource: hi\n");
    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(server.getReceivedMessages()).hasSize(1);
    assertNoPassword(events);

    // the JVM's own trust store does not know the test CA
    RecordedEvents untrusted =
        run(
            tls.formatted(server.getSmtps().getPort(), caPem)
                .replace(" trustedCertificates: '" + caPem + "',", ""),
            "    to: ops@example.com\n    subject: over TLS\n    messageSource: hi\n");
    assertThat(untrusted.result.succeeded()).isFalse();
    assertThat(untrusted.messages(MessageType.ERROR))
        .anyMatch(
            s ->
                s.contains("task 'Notify' could not send its mail through localhost:")
                    && s.contains("(TLS, user alerts) (connection 'Mail'): TLS failed")
                    && s.contains("hint: check the port")
                    && s.contains("trustedCertificates"));
  }

  @Test
  void enableSslRequiresStartTlsAndAServerWithoutItIsRefused() {
    RecordedEvents events =
        run(
            "  - {name: Mail, type: smtp, smtpServer: localhost, port: %d, enableSsl: true}\n"
                .formatted(server.getSmtp().getPort()),
            "    to: ops@example.com\n    subject: s\n    messageSource: hi\n");

    assertThat(events.result.succeeded()).isFalse();
    assertThat(server.getReceivedMessages()).as("never sent in clear").isEmpty();
    assertThat(events.messages(MessageType.ERROR))
        .anyMatch(
            s ->
                s.contains("(STARTTLS) (connection 'Mail'): the server does not offer STARTTLS")
                    && s.contains("hint: use implicitTls"));
  }

  @Test
  void aWrongPasswordFailsTheTaskNamingTaskServerAndCauseWithoutShowingThePassword() {
    String wrong = "wrong-" + PASSWORD;
    RecordedEvents events =
        run(
            project(plainConnection(), task("    to: ops@example.com\n    messageSource: x\n")),
            Map.of("SmtpPassword", wrong));

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.messages(MessageType.ERROR))
        .anyMatch(
            s ->
                s.startsWith("task 'Notify' could not send its mail through localhost:")
                    && s.contains("(no TLS, user alerts) (connection 'Mail')")
                    && s.contains("the server refused the login")
                    && s.contains("hint: check the user and password of connection 'Mail'"));
    assertThat(events.all()).doesNotContain(wrong);
  }

  @Test
  void aPasswordWrittenInTheConnectionIsMaskedInEveryMessageAsAJdbcOnesIs() throws Exception {
    RecordedEvents events =
        TestRuns.run(
            ProjectFiles.of(
                project(
                    ("  - {name: Mail, type: smtp, smtpServer: localhost, port: %d, user: alerts,"
                            + " password: '%s'}\n")
                        .formatted(server.getSmtp().getPort(), PASSWORD),
                    // a careless subject that repeats it: the event saying what was sent masks it
                    task(
                        "    to: ops@example.com\n    subject: 'reset to %s'\n"
                            .formatted(PASSWORD)))),
            dir.resolve("jars"),
            "main",
            new ParameterValues(Map.of(), Map.of()));

    assertThat(events.result.succeeded()).as(events.all()).isTrue();
    assertThat(server.getReceivedMessages()[0].getSubject()).isEqualTo("reset to " + PASSWORD);
    assertThat(events.messages(MessageType.INFORMATION))
        .anyMatch(m -> m.startsWith("sent \"reset to "));
    assertNoPassword(events);
  }

  @Test
  void anUnreachablePortFailsWithTheServerAndAHint() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    RecordedEvents events =
        run(
            "  - {name: Mail, type: smtp, smtpServer: localhost, port: %d, timeout: 5}\n"
                .formatted(closed),
            "    to: ops@example.com\n    messageSource: x\n");

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.messages(MessageType.ERROR))
        .anyMatch(
            s ->
                s.contains("through localhost:" + closed + " (no TLS) (connection 'Mail')")
                    && s.contains("cannot connect")
                    && s.contains("hint: check smtpServer and port of connection 'Mail'"));
  }

  @Test
  void aUserOnAServerThatOffersNoLoginFailsInsteadOfSendingAnonymously() throws Exception {
    try (NoAuthSmtpServer plain = new NoAuthSmtpServer()) {
      RecordedEvents events =
          run(
              ("  - {name: Mail, type: smtp, smtpServer: localhost, port: %d, user: alerts,"
                      + " timeout: 10, expressions: {password: '@[$Project::SmtpPassword]'}}\n")
                  .formatted(plain.port()),
              "    to: ops@example.com\n    messageSource: x\n");

      assertThat(events.result.succeeded()).as(events.all()).isFalse();
      assertThat(plain.commands()).as("no message").doesNotContain("DATA");
      assertThat(events.messages(MessageType.ERROR))
          .anyMatch(
              s ->
                  s.contains(
                          "(no TLS, user alerts) (connection 'Mail'): the server offers no login")
                      && s.contains("nothing was sent")
                      && s.contains("hint: use the server's port that takes logins"));
    }
  }

  @Test
  void windowsAuthenticationIsRefusedNamingTheConnectionWithTheWayOut() {
    RecordedEvents events =
        run(
            "  - {name: Mail, type: smtp, smtpServer: localhost, useWindowsAuthentication: true}\n",
            "    to: ops@example.com\n    messageSource: x\n");

    assertThat(events.messages(MessageType.ERROR))
        .anyMatch(
            s ->
                s.equals(
                    "task 'Notify': connection 'Mail': Windows authentication"
                        + " (useWindowsAuthentication) is not available in Sluice; hint: give the"
                        + " connection a user and a password (from a sensitive parameter)"));
    assertThat(server.getReceivedMessages()).isEmpty();
  }

  @Test
  void aBadAddressAndAMissingAttachmentFailTheTaskBeforeAnythingIsSent() {
    RecordedEvents bad = run(plainConnection(), "    to: \"ops@@example\"\n    messageSource: x\n");
    assertThat(bad.messages(MessageType.ERROR))
        .anyMatch(s -> s.contains("'to' is not a list of e-mail addresses"));
    RecordedEvents missing =
        run(
            plainConnection(),
            "    to: ops@example.com\n    attachments: " + dir.resolve("nope.csv") + "\n");
    assertThat(missing.messages(MessageType.ERROR))
        .anyMatch(
            s -> s.contains("attachment " + dir.resolve("nope.csv") + " is not a readable file"));
    assertThat(server.getReceivedMessages()).isEmpty();
  }

  @Test
  void misspeltSettingsAreRefusedAtValidationAsABuiltInsAre() {
    List<String> problems =
        problems(
            project(
                "  - {name: Mail, type: smtp, smtpServr: localhost}\n",
                """
                tasks:
                  - name: Notify
                    type: SendMail
                    smtpConnection: Mail
                    from: a@example.com
                    to: b@example.com
                    subjet: typo
                    priority: urgent
                """));

    assertThat(String.join("\n", problems))
        .contains("unknown key 'smtpServr' in an smtp connection; did you mean 'smtpServer'?")
        .contains("unknown key 'subjet' in a SendMail task; did you mean 'subject'?")
        .contains("'priority' must be one of high, normal, low, not 'urgent'");
  }

  @Test
  void whatOnlyTheTaskCanCheckIsReportedBeforeItRuns() {
    RecordedEvents events =
        run(
            plainConnection(),
            "    messageSourceType: variable\n    messageSource: User::Missing\n");

    assertThat(events.result.succeeded()).isFalse();
    assertThat(events.all())
        .contains("the message has no recipient")
        .contains("messageSource: variable 'User::Missing' does not exist");
    assertThat(server.getReceivedMessages()).isEmpty();
  }

  @Test
  void theSmtpPasswordMayComeOnlyFromASensitiveParameterAndOtherSettingsMayNot() {
    List<String> problems =
        problems(
            project(
                "  - {name: Mail, type: smtp, smtpServer: localhost,"
                    + " expressions: {user: '@[$Project::SmtpPassword]'}}\n",
                task("    to: a@example.com\n")));

    assertThat(String.join("\n", problems)).contains("SmtpPassword").contains("'user'");
  }

  // ---------------------------------------------------------------------------------------------

  private String plainConnection() {
    return ("  - {name: Mail, type: smtp, smtpServer: localhost, port: %d, user: alerts,"
            + " expressions: {password: '@[$Project::SmtpPassword]'}}\n")
        .formatted(server.getSmtp().getPort());
  }

  /** A package of one SendMail task Notify through connection Mail, with {@code settings}. */
  private static String task(String settings) {
    return "tasks:\n  - name: Notify\n    type: SendMail\n    smtpConnection: Mail\n"
        + "    from: alerts@example.com\n"
        + settings;
  }

  private RecordedEvents run(String connections, String settings) {
    RecordedEvents events = run(project(connections, task(settings)), Map.of());
    assertNoPassword(events);
    return events;
  }

  private static void assertNoPassword(RecordedEvents events) {
    assertThat(events.all()).doesNotContain(PASSWORD);
  }

  private static Map<String, byte[]> project(String connections, String mainPackage) {
    Map<String, byte[]> files = new HashMap<>();
    files.put(
        "project.yaml",
        bytes(
            "name: mail\nparameters:\n"
                + "  - {name: SmtpPassword, type: String, sensitive: true, default: ''}\n"
                + "connections:\n"
                + connections));
    files.put("packages/main.yaml", bytes(mainPackage));
    return files;
  }

  private RecordedEvents run(Map<String, byte[]> files, Map<String, Object> parameters) {
    Map<String, Object> values = new HashMap<>(Map.of("SmtpPassword", PASSWORD));
    values.putAll(parameters);
    return TestRuns.run(
        ProjectFiles.of(files), dir.resolve("jars"), "main", new ParameterValues(values, Map.of()));
  }

  private static List<String> problems(Map<String, byte[]> files) {
    try {
      ProjectParser.parse(ProjectFiles.of(files));
    } catch (ProjectFormatException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("the project was accepted");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
