package io.sluice.mail;

import io.sluice.api.PluginException;
import io.sluice.api.settings.SettingValues;
import io.sluice.api.tls.ServerTrust;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * What an smtp connection gives a task: a Jakarta Mail session set up from the connection's
 * settings, and the credentials to log in with. The password stays in this object and in the
 * session's transport; it is never put into a message.
 */
final class SmtpServer {

  /** .NET's SmtpClient, which SSIS sends with, waits 100 seconds. */
  static final long DEFAULT_TIMEOUT_SECONDS = 100;

  final String host;
  final int port;
  final Security security;
  final String user;
  private final String password;
  private final Session session;

  /** How the connection is protected. */
  enum Security {
    NONE("no TLS"),
    STARTTLS("STARTTLS"),
    IMPLICIT_TLS("TLS");

    final String words;

    Security(String words) {
      this.words = words;
    }
  }

  private SmtpServer(
      String host, int port, Security security, String user, String password, Session session) {
    this.host = host;
    this.port = port;
    this.security = security;
    this.user = user;
    this.password = password;
    this.session = session;
  }

  static SmtpServer of(SettingValues s) {
    if (s.bool("useWindowsAuthentication", false)) {
      throw new PluginException(
          "Windows authentication (useWindowsAuthentication) is not available in Sluice",
          "give the connection a user and a password (from a sensitive parameter)");
    }
    String host = s.text("smtpServer").trim();
    Security security =
        s.bool("implicitTls", false)
            ? Security.IMPLICIT_TLS
            : s.bool("enableSsl", false) ? Security.STARTTLS : Security.NONE;
    long port = s.integer("port", security == Security.IMPLICIT_TLS ? 465 : 25);
    if (port < 1 || port > 65535) {
      throw new PluginException("port " + port + " is not a TCP port", "give a port 1-65535");
    }
    String user = blankToNull(s.text("user"));
    String password = s.text("password");
    if (user == null && password != null && !password.isEmpty()) {
      throw new PluginException(
          "a password is given without a user", "give the user to log in as, or no password");
    }
    long timeout = s.integer("timeout", DEFAULT_TIMEOUT_SECONDS);
    if (timeout < 1) {
      throw new PluginException(
          "timeout " + timeout + " is not a number of seconds", "give 1 or more");
    }
    String protocol = security == Security.IMPLICIT_TLS ? "smtps" : "smtp";
    String p = "mail." + protocol + ".";
    Properties props = new Properties();
    props.put("mail.transport.protocol", protocol);
    props.put(p + "host", host);
    props.put(p + "port", String.valueOf(port));
    String millis = String.valueOf(timeout * 1000);
    props.put(p + "connectiontimeout", millis);
    props.put(p + "timeout", millis);
    props.put(p + "writetimeout", millis);
    props.put(p + "auth", String.valueOf(user != null));
    if (security == Security.STARTTLS) {
      // As .NET's EnableSsl: TLS before the message, or no message at all (no silent downgrade).
      props.put(p + "starttls.enable", "true");
      props.put(p + "starttls.required", "true");
    }
    if (security != Security.NONE) {
      props.put(p + "ssl.checkserveridentity", "true");
      String trusted = blankToNull(s.text("trustedCertificates"));
      if (trusted != null) {
        props.put(p + "ssl.socketFactory", trusting(Path.of(trusted)));
      }
    }
    return new SmtpServer(host, (int) port, security, user, password, Session.getInstance(props));
  }

  /** E.g. {@code mail.example.com:587 (STARTTLS, user alerts)}. */
  String describe() {
    return host + ":" + port + " (" + security.words + (user == null ? "" : ", user " + user) + ")";
  }

  Session session() {
    return session;
  }

  /** Connects, logs in when a user is given, sends to every recipient of the message, closes. */
  void send(MimeMessage message) throws MessagingException {
    try (Transport transport = session.getTransport()) {
      transport.connect(host, port, user, user == null ? null : password);
      // Jakarta Mail skips the login without a word when the server offers none: the mail would
      // go out anonymously although the connection asks to log in, so refuse it instead.
      if (user != null
          && transport instanceof SMTPTransport smtp
          && !smtp.supportsExtension("AUTH")
          && !smtp.supportsExtension("AUTH=LOGIN")) {
        throw new NoLoginOffered();
      }
      message.saveChanges();
      transport.sendMessage(message, message.getAllRecipients());
    }
  }

  /** The server's answer to EHLO names no AUTH mechanism, while the connection gives a user. */
  static final class NoLoginOffered extends MessagingException {
    NoLoginOffered() {
      super("the server offers no login (no AUTH in its answer to EHLO)");
    }
  }

  /** A TLS socket factory trusting only the certificates of a PEM file. */
  private static SSLSocketFactory trusting(Path pem) {
    return ServerTrust.context(ServerTrust.fromPem(pem)).getSocketFactory();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
