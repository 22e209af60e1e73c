package io.sluice.worker.client;

import io.sluice.worker.config.WorkerSettings;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns what Java says about a failed connection into what an operator should do. TLS mistakes are
 * the most common trouble with SSIS Scale Out; here each one names the file or the command that
 * fixes it.
 */
final class ConnectionProblems {

  private final WorkerSettings.Tls tls;

  ConnectionProblems(WorkerSettings.Tls tls) {
    this.tls = tls;
  }

  /**
   * What went wrong reaching {@code endpoint}: a message and a hint. {@code answeredBefore}: the
   * endpoint has answered this worker (so it accepted its certificate) since the worker started.
   */
  MasterException explain(Throwable failure, URI endpoint, boolean answeredBefore) {
    String host = endpoint.getHost();
    String all = chain(failure);
    if (has(failure, CertificateExpiredException.class) || all.contains("notafter")) {
      return new MasterException(
          "the certificate of master " + endpoint + " has expired",
          "issue a new one with sluice cert master --name " + host + " and restart that master");
    }
    if (has(failure, CertificateNotYetValidException.class) || all.contains("notbefore")) {
      return new MasterException(
          "the certificate of master " + endpoint + " is not valid yet",
          "check the clocks of this machine and of the master (NTP)");
    }
    if (all.contains("no subject alternative") || all.contains("no name matching")) {
      return new MasterException(
          "the master certificate does not name " + host,
          "reissue it with sluice cert master --name "
              + host
              + " (add every name and address workers use), or list the master under a name"
              + " its certificate carries");
    }
    if (all.contains("pkix path building failed")
        || all.contains("unable to find valid certification path")
        // Another CA with the same name (every default CA is "Sluice Cluster CA"): the anchor is
        // found by name, then its key does not verify the master's certificate.
        || all.contains("signature check failed")
        || all.contains("signature does not match")) {
      return new MasterException(
          tls.pinned()
              ? "master "
                  + endpoint
                  + " presented a certificate other than the one pinned in "
                  + tls.trusted()
              : "the master's certificate is not signed by the CA in " + tls.trusted(),
          tls.pinned()
              ? "copy the master's current certificate to tls.masterCertificate, or trust the"
                  + " cluster CA with tls.ca instead"
              : "point tls.ca at the ca.crt of the cluster CA that issued the master certificate"
                  + " (sluice cert ca), or reissue the master certificate from this CA");
    }
    if (all.contains("pkix path validation failed") || all.contains("validity check failed")) {
      return new MasterException(
          "the certificate of master " + endpoint + " failed validation: " + rootMessage(failure),
          "reissue it with sluice cert master --name " + host);
    }
    if (all.contains("bad_certificate")
        || all.contains("certificate_unknown")
        || all.contains("unknown_ca")
        || all.contains("certificate_required")
        || all.contains("certificate_expired")
        || all.contains("access_denied")) {
      return new MasterException(
          "master " + endpoint + " refused this worker's certificate " + tls.certificate(),
          "use a worker certificate issued by the cluster CA the master trusts (sluice cert worker"
              + " NAME on the machine holding the CA), and check it has not expired");
    }
    if (closedUnderRequest(all) && answeredBefore) {
      // It took this worker's certificate before: far more likely it was stopped or killed.
      return new MasterException(
          "master " + endpoint + " closed the connection under a request (stopped or restarted?)",
          "the worker goes on with another master; if this master keeps closing connections after"
              + " it restarted, check its log and that it trusts this worker's certificate");
    }
    if (closedUnderRequest(all)) {
      // A TLS 1.3 server that rejects the client certificate often just closes the connection.
      return new MasterException(
          "master "
              + endpoint
              + " closed the connection: it may have refused this worker's certificate "
              + tls.certificate(),
          "use a worker certificate issued by the cluster CA the master trusts (sluice cert worker"
              + " NAME), check it has not expired, and check the master's log");
    }
    if (has(failure, SSLException.class)) {
      return new MasterException(
          "TLS with master " + endpoint + " failed: " + rootMessage(failure),
          "check that "
              + endpoint
              + " is a Sluice master (https) and that tls.* in worker.yaml"
              + " name the files sluice cert wrote");
    }
    if (has(failure, UnknownHostException.class)
        || has(failure, UnresolvedAddressException.class)) {
      return new MasterException(
          "master host " + host + " is unknown to DNS",
          "fix the name in masters, or add it to DNS / /etc/hosts");
    }
    if (has(failure, HttpConnectTimeoutException.class)) {
      return new MasterException(
          "master " + endpoint + " did not accept a connection in time",
          "check that it runs and that a firewall lets port " + endpoint.getPort() + " through");
    }
    if (has(failure, HttpTimeoutException.class)) {
      return new MasterException(
          "master " + endpoint + " did not answer in time", "check the master's log and health");
    }
    if (refused(failure)) {
      return new MasterException(
          "master " + endpoint + " refused the connection (is it running?)",
          "start it (sluice master --config master.yaml) or check the port in masters");
    }
    return new MasterException(
        "cannot reach master " + endpoint + ": " + rootMessage(failure),
        "check that the master runs and is reachable from this machine");
  }

  /**
   * True when nothing listens at the endpoint any more: the connection was refused, or an open one
   * was closed or reset under a request (the master was killed or stopped). Not for timeouts: a
   * master that is slow to answer or to finish a TLS handshake is alive.
   */
  static boolean nobodyListens(Throwable failure) {
    if (has(failure, HttpTimeoutException.class)) {
      return false;
    }
    String all = chain(failure);
    return refused(failure) || closedUnderRequest(all) || all.contains("received no bytes");
  }

  /** The connection was refused, or its channel closed before the request went out. */
  private static boolean refused(Throwable failure) {
    return has(failure, ConnectException.class) || has(failure, ClosedChannelException.class);
  }

  /** The other end closed or reset an open connection (in {@link #chain}'s lower case). */
  private static boolean closedUnderRequest(String chain) {
    return chain.contains("eof reached while reading") || chain.contains("connection reset");
  }

  private static boolean has(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static String chain(Throwable t) {
    StringBuilder text = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      text.append(c.getClass().getName()).append(": ").append(c.getMessage()).append('\n');
      for (Throwable s : c.getSuppressed()) {
        text.append(s.getMessage()).append('\n');
      }
    }
    return text.toString().toLowerCase(Locale.ROOT);
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
