package io.sluice.mail;

import io.sluice.api.PluginException;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * A message the server did not take, as one line naming the task, the server and the cause, with
 * the fix as a hint. Only the server's own words and the exception's are quoted: neither holds the
 * password.
 */
final class SendFailure {

  private SendFailure() {}

  static PluginException of(
      String task, String connection, SmtpServer server, MessagingException e) {
    String where =
        "task '"
            + task
            + "' could not send its mail through "
            + server.describe()
            + " (connection '"
            + connection
            + "'): ";
    Throwable root = root(e);
    String cause;
    String hint;
    if (e instanceof AuthenticationFailedException) {
      cause = "the server refused the login: " + server(e);
      hint = "check the user and password of connection '" + connection + "'";
    } else if (e instanceof SmtpServer.NoLoginOffered) {
      cause =
          e.getMessage() + ", but the connection gives user " + server.user + ": nothing was sent";
      hint =
          "use the server's port that takes logins (587 with enableSsl, 465 with implicitTls), or"
              + " remove user and password from connection '"
              + connection
              + "' if the server takes mail without one";
    } else if (e instanceof SendFailedException sent && invalid(sent).length > 0) {
      cause =
          "the server refused "
              + Arrays.stream(invalid(sent))
                  .map(Address::toString)
                  .collect(Collectors.joining(", "))
              + ": "
              + server(sent.getNextException() == null ? sent : sent.getNextException());
      hint = "check the addresses in to, cc and bcc, and that the server relays to them";
    } else if (in(e, SSLException.class) != null) {
      cause = "TLS failed: " + message(in(e, SSLException.class));
      hint =
          "check the port (implicitTls speaks TLS at once, enableSsl starts with plain SMTP), or"
              + " trust the server's certificate with trustedCertificates";
    } else if (root instanceof UnknownHostException) {
      cause = "no such host " + server.host;
      hint = "check smtpServer of connection '" + connection + "'";
    } else if (e instanceof MailConnectException || root instanceof ConnectException) {
      cause = "cannot connect: " + message(root);
      hint =
          "check smtpServer and port of connection '"
              + connection
              + "', and that the server runs and is reachable from here";
    } else if (root instanceof SocketTimeoutException) {
      cause = "the server did not answer in time: " + message(root);
      hint = "check the server, or raise the connection's timeout (seconds)";
    } else if (String.valueOf(e.getMessage()).contains("STARTTLS")) {
      cause = "the server does not offer STARTTLS, which enableSsl requires";
      hint = "use implicitTls on the server's TLS port (465), or turn enableSsl off";
    } else {
      cause = server(e);
      hint = "see the server's answer; check the connection and the message's addresses";
    }
    return new PluginException(where + cause, hint, e);
  }

  private static Address[] invalid(SendFailedException e) {
    Address[] a = e.getInvalidAddresses();
    return a == null ? new Address[0] : a;
  }

  /** The server's reply (or the exception's words) on one line. */
  private static String server(Exception e) {
    return message(e).replaceAll("\\s+", " ").trim();
  }

  private static String message(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }

  /** The first exception of {@code type} in the chain of causes, or null. */
  private static <T extends Throwable> T in(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  private static Throwable root(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) {
      r = r.getCause();
    }
    return r;
  }
}
