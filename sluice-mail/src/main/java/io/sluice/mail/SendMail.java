package io.sluice.mail;

import io.sluice.api.PluginException;
import io.sluice.api.task.TaskContext;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** One execution of a Send Mail task: the message built from the settings, then sent. */
final class SendMail {

  private final TaskContext context;

  SendMail(TaskContext context) {
    this.context = context;
  }

  void run() {
    String connection = context.settings().text("smtpConnection");
    SmtpServer server;
    try {
      server = context.connections().acquire(connection, SmtpServer.class);
    } catch (PluginException e) {
      // the connection type's own words do not know the connection's name
      throw new PluginException(
          "task '" + context.taskName() + "': connection '" + connection + "': " + e.getMessage(),
          e.hint(),
          e);
    }
    MimeMessage message = message(server);
    int recipients;
    try {
      recipients = message.getAllRecipients().length;
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
    context.cancellation().check();
    try {
      server.send(message);
    } catch (MessagingException e) {
      throw SendFailure.of(context.taskName(), connection, server, e);
    }
    context
        .events()
        .information(
            "sent \""
                + subject()
                + "\" to "
                + recipients
                + " recipient"
                + (recipients == 1 ? "" : "s")
                + " through "
                + server.host
                + ":"
                + server.port);
  }

  private String subject() {
    String subject = context.settings().text("subject");
    return subject == null ? "" : subject;
  }

  private MimeMessage message(SmtpServer server) {
    MimeMessage m = new MimeMessage(server.session());
    try {
      m.setFrom(addresses("from", context.settings().text("from")).get(0));
      m.setRecipients(Message.RecipientType.TO, array(addresses("to")));
      m.setRecipients(Message.RecipientType.CC, array(addresses("cc")));
      m.setRecipients(Message.RecipientType.BCC, array(addresses("bcc")));
      if (m.getAllRecipients() == null) {
        throw new PluginException(
            "the message has no recipient", "give 'to' (or 'cc', 'bcc') an address");
      }
      m.setSubject(subject(), "UTF-8");
      m.setSentDate(Date.from(context.clock().instant()));
      priority(m, context.settings().text("priority"));
      String type = context.settings().text("messageSourceType");
      String body =
          (type == null ? MessageSource.DIRECT_INPUT : MessageSource.of(type)).body(context);
      List<Path> attachments = attachments();
      if (attachments.isEmpty()) {
        m.setText(body, "UTF-8");
      } else {
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body, "UTF-8");
        parts.addBodyPart(text);
        for (Path file : attachments) {
          MimeBodyPart part = new MimeBodyPart();
          // As .NET's Attachment(path), which SSIS uses: application/octet-stream in base64, so
          // the bytes arrive as they are (a text type would get its line ends rewritten).
          part.setDataHandler(new DataHandler(new OctetStream(file)));
          part.setHeader("Content-Transfer-Encoding", "base64");
          part.setFileName(MimeUtility.encodeText(file.getFileName().toString(), "UTF-8", null));
          part.setDisposition(MimeBodyPart.ATTACHMENT);
          parts.addBodyPart(part);
        }
        m.setContent(parts);
      }
      return m;
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e); // UTF-8 is always there
    } catch (MessagingException e) {
      throw new PluginException("cannot build the message: " + e.getMessage(), null, e);
    }
  }

  /**
   * SSIS's Priority as .NET writes it: X-Priority, Priority and Importance headers for high and
   * low, none for normal.
   */
  static void priority(MimeMessage m, String priority) throws MessagingException {
    if ("high".equals(priority)) {
      m.setHeader("X-Priority", "1");
      m.setHeader("Priority", "urgent");
      m.setHeader("Importance", "high");
    } else if ("low".equals(priority)) {
      m.setHeader("X-Priority", "5");
      m.setHeader("Priority", "non-urgent");
      m.setHeader("Importance", "low");
    }
  }

  private List<InternetAddress> addresses(String setting) {
    return addresses(setting, context.settings().text(setting));
  }

  /** SSIS separates addresses with ; (and , as .NET also takes). */
  private static List<InternetAddress> addresses(String setting, String text) {
    List<InternetAddress> result = new ArrayList<>();
    if (text == null || text.isBlank()) {
      if (setting.equals("from")) {
        throw new PluginException("'from' is empty", "give the sender's address");
      }
      return result;
    }
    try {
      for (InternetAddress a : InternetAddress.parse(text.replace(';', ','), true)) {
        a.validate();
        result.add(a);
      }
    } catch (AddressException e) {
      throw new PluginException(
          "'" + setting + "' is not a list of e-mail addresses: " + e.getMessage(),
          "write addresses as name@example.com, separated by ;");
    }
    if (setting.equals("from") && result.size() != 1) {
      throw new PluginException("'from' must be one address, not " + result.size(), null);
    }
    return result;
  }

  private static Address[] array(List<InternetAddress> list) {
    return list.isEmpty() ? null : list.toArray(Address[]::new);
  }

  /** A file as application/octet-stream. */
  private static final class OctetStream extends FileDataSource {
    OctetStream(Path file) {
      super(file.toFile());
    }

    @Override
    public String getContentType() {
      return "application/octet-stream";
    }
  }

  /** SSIS's FileAttachments: paths separated by |, each of which must be a readable file. */
  private List<Path> attachments() {
    String text = context.settings().text("attachments");
    List<Path> files = new ArrayList<>();
    if (text == null) {
      return files;
    }
    for (String item : text.split("\\|")) {
      if (item.isBlank()) {
        continue;
      }
      Path file = Path.of(item.trim());
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new PluginException(
            "attachment " + file + " is not a readable file",
            "check the path in 'attachments' (paths separated by |)");
      }
      files.add(file);
    }
    return files;
  }
}
