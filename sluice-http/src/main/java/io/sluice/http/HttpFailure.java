package io.sluice.http;

import io.sluice.api.PluginException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * A request that got no answer, as one line naming the task, the request and the cause, with the
 * fix as a hint. The URL never holds credentials (the connection refuses them there), and only the
 * exception's words are quoted: the JDK's client does not put headers into them.
 */
final class HttpFailure {

  private HttpFailure() {}

  static PluginException of(
      String task,
      String connection,
      HttpEndpoint endpoint,
      String method,
      URI uri,
      IOException e) {
    String where =
        "task '" + task + "': " + method + " " + uri + " (connection '" + connection + "'): ";
    String cause;
    String hint;
    SSLException tls = in(e, SSLException.class);
    if (e instanceof HttpConnectTimeoutException) {
      cause = "could not connect within " + endpoint.timeout.toSeconds() + " s";
      hint = "check serverUrl and that the server is reachable from here, or raise timeout";
    } else if (e instanceof HttpTimeoutException) {
      cause = "no answer within " + endpoint.timeout.toSeconds() + " s";
      hint = "raise the connection's timeout (seconds), or check the server";
    } else if (tls != null) {
      String refused = endpoint.trust.refusedFingerprint();
      if (refused != null) {
        cause =
            "TLS failed: the server's certificate (SHA-256 "
                + refused
                + ") is not the one certificateFingerprint pins";
        hint =
            "if the server's certificate was renewed, check the new fingerprint with its"
                + " administrator and pin it";
      } else {
        cause = "TLS failed, trusting " + endpoint.trust.words + ": " + message(tls);
        hint =
            "trust the server's CA with trustedCertificates (a PEM file), or pin its certificate"
                + " with certificateFingerprint";
      }
    } else if (in(e, UnknownHostException.class) != null
        || in(e, UnresolvedAddressException.class) != null) {
      cause = "no such host " + uri.getHost();
      hint = "check serverUrl of connection '" + connection + "' (and proxyUrl)";
    } else if (in(e, ConnectException.class) != null) {
      ConnectException refused = in(e, ConnectException.class);
      // the JDK's client throws it without words when nothing listens on the port
      cause =
          "cannot connect: "
              + (refused.getMessage() == null ? "connection refused" : message(refused));
      hint =
          "check serverUrl of connection '"
              + connection
              + "', and that the server runs and is reachable from here";
    } else {
      cause = e.getClass().getSimpleName() + ": " + message(e);
      hint = "check the server and the connection's settings";
    }
    return new PluginException(where + cause, hint, e);
  }

  private static String message(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.replaceAll("\\s+", " ");
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
}
