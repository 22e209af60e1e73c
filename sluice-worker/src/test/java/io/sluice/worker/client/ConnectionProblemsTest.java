package io.sluice.worker.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.worker.config.WorkerSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class ConnectionProblemsTest {

  private final ConnectionProblems problems =
      new ConnectionProblems(
          new WorkerSettings.Tls(
              Path.of("ca.crt"), false, Path.of("etl-1.crt"), Path.of("etl-1.key")));
  private final URI master = URI.create("https://master1.example.com:8391");
  // What java.net.http says when the other end closes a connection under a request.
  private final IOException closed = new IOException("EOF reached while reading");

  @Test
  void aConnectionClosedByAMasterThatNeverAnsweredPointsAtTheCertificate() {
    MasterException problem = problems.explain(closed, master, false);

    assertThat(problem.getMessage())
        .isEqualTo(
            "master https://master1.example.com:8391 closed the connection: it may have refused"
                + " this worker's certificate etl-1.crt");
    assertThat(problem.hint()).contains("sluice cert worker NAME");
  }

  @Test
  void aConnectionClosedByAMasterThatAnsweredBeforeIsAMasterGoingAway() {
    MasterException problem = problems.explain(closed, master, true);

    assertThat(problem.getMessage())
        .isEqualTo(
            "master https://master1.example.com:8391 closed the connection under a request"
                + " (stopped or restarted?)");
    assertThat(problem.hint()).startsWith("the worker goes on with another master");
    assertThat(ConnectionProblems.nobodyListens(closed)).isTrue();
  }

  @Test
  void aMasterNameThatDoesNotResolveIsADnsProblemNotARefusal() {
    // What java.net.http throws for a host name nobody can resolve.
    Exception unresolved = new ConnectException();
    unresolved.initCause(new UnresolvedAddressException());

    MasterException problem = problems.explain(unresolved, master, false);

    assertThat(problem.getMessage()).isEqualTo("master host master1.example.com is unknown to DNS");
    assertThat(problem.hint()).contains("/etc/hosts");
  }

  @Test
  void aMasterCertificateFromAnotherCaOfTheSameNameNamesTheCaFile() {
    Exception otherCa =
        new SSLHandshakeException(
            "PKIX path validation failed: java.security.cert.CertPathValidatorException:"
                + " signature check failed");

    MasterException problem = problems.explain(otherCa, master, false);

    assertThat(problem.getMessage())
        .isEqualTo("the master's certificate is not signed by the CA in ca.crt");
    assertThat(problem.hint()).startsWith("point tls.ca at the ca.crt of the cluster CA");
  }
}
