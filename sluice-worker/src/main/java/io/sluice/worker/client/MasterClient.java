package io.sluice.worker.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.protocol.ErrorReply;
import io.sluice.protocol.tls.Pem;
import io.sluice.protocol.tls.TlsContexts;
import io.sluice.protocol.tls.TlsSetupException;
import io.sluice.protocol.worker.Acknowledgement;
import io.sluice.protocol.worker.AgentHeartbeat;
import io.sluice.protocol.worker.AgentHeartbeatReply;
import io.sluice.protocol.worker.EventBatch;
import io.sluice.protocol.worker.PollReply;
import io.sluice.protocol.worker.PollRequest;
import io.sluice.protocol.worker.TaskHeartbeat;
import io.sluice.protocol.worker.TaskHeartbeatReply;
import io.sluice.protocol.worker.TaskResult;
import io.sluice.protocol.worker.WorkerApi;
import io.sluice.worker.config.WorkerSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to the masters over mutual-TLS HTTPS. All calls share one current endpoint; when a call
 * cannot reach it (connection refused, timeout, TLS failure, or a master answering "not ready"),
 * the client moves on to the next endpoint in the list, until a master answers or the call's own
 * deadline passes. So a master failover costs a worker a second or two, not a task.
 *
 * <p>Two rules keep a failover that short (MasterKillDeliveryTest in sluice-cli shows the delay
 * without them):
 *
 * <ul>
 *   <li>The jittered backoff is paid once per <em>round</em> over the endpoints, not before each
 *       one: the first try of another master costs no wait, and the backoff only grows while every
 *       master fails.
 *   <li>A master that recently refused or dropped connections (nothing listens: killed, stopped) is
 *       skipped while another one is merely slow. A surviving master answering all the failed-over
 *       workers at once can take longer than {@code connectTimeout} for its first TLS handshakes
 *       (the JDK counts the handshake in the connect timeout); without this rule every such timeout
 *       sent the calls back to the dead master and the backoff grew, which delayed heartbeats and
 *       events by about 5 s.
 * </ul>
 */
public final class MasterClient implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MasterClient.class);

  /**
   * How long a master that refused or dropped a connection is passed over in favour of one that is
   * merely slow; after that it is tried again in its turn (it may have been restarted).
   */
  static final Duration DOWN_MEMORY = Duration.ofSeconds(10);

  private final List<URI> endpoints;
  private final HttpClient http;
  private final ObjectMapper json;
  private final Backoff backoff;
  private final ConnectionProblems problems;
  private final AtomicInteger current = new AtomicInteger();
  private final DownEndpoints down;
  private final Set<URI> answered = ConcurrentHashMap.newKeySet(); // took our certificate once
  private final Map<URI, String> lastLogged = new ConcurrentHashMap<>();

  public MasterClient(WorkerSettings settings) {
    this(settings, Backoff.standard());
  }

  public MasterClient(WorkerSettings settings, Backoff backoff) {
    this.endpoints = List.copyOf(settings.masters());
    this.down = new DownEndpoints(endpoints.size(), DOWN_MEMORY, System::nanoTime);
    this.backoff = backoff;
    this.problems = new ConnectionProblems(settings.tls());
    this.json = objectMapper();
    WorkerSettings.Tls tls = settings.tls();
    checkOwnCertificate(tls);
    SSLContext ssl =
        TlsContexts.sslContext(
            TlsContexts.keyStore(tls.certificate(), tls.key()),
            TlsContexts.trustStore(tls.trusted()));
    SSLParameters parameters = ssl.getDefaultSSLParameters();
    // A pinned certificate is trusted as itself; its names still have to match (the JDK client
    // always checks the host name), which is what the error message for a mismatch explains.
    this.http =
        HttpClient.newBuilder()
            .sslContext(ssl)
            .sslParameters(parameters)
            .connectTimeout(settings.connectTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** The JSON mapping of the worker API; unknown fields are ignored so masters may add some. */
  public static ObjectMapper objectMapper() {
    return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  public AgentHeartbeatReply heartbeat(AgentHeartbeat beat, Duration giveUpAfter) {
    return call(
        WorkerApi.HEARTBEAT, beat, AgentHeartbeatReply.class, Duration.ofSeconds(10), giveUpAfter);
  }

  /** A long poll: the request may be held by the master for {@code request.waitMillis()}. */
  public PollReply poll(PollRequest request, Duration giveUpAfter) {
    Duration held = Duration.ofMillis(request.waitMillis()).plusSeconds(10);
    return call(WorkerApi.POLL, request, PollReply.class, held, giveUpAfter);
  }

  public TaskHeartbeatReply taskHeartbeat(long taskId, TaskHeartbeat beat, Duration giveUpAfter) {
    return call(
        WorkerApi.forTask(WorkerApi.TASK_HEARTBEAT, taskId),
        beat,
        TaskHeartbeatReply.class,
        giveUpAfter,
        giveUpAfter);
  }

  public Acknowledgement events(long taskId, EventBatch batch, Duration giveUpAfter) {
    return call(
        WorkerApi.forTask(WorkerApi.TASK_EVENTS, taskId),
        batch,
        Acknowledgement.class,
        Duration.ofSeconds(30),
        giveUpAfter);
  }

  public Acknowledgement result(long taskId, TaskResult result, Duration giveUpAfter) {
    return call(
        WorkerApi.forTask(WorkerApi.TASK_RESULT, taskId),
        result,
        Acknowledgement.class,
        Duration.ofSeconds(30),
        giveUpAfter);
  }

  /** The endpoint calls go to now. */
  public URI currentEndpoint() {
    return endpoints.get(current.get());
  }

  /**
   * POSTs {@code body} to {@code path} on the current master, moving through the endpoints on
   * connection failures until one answers or {@code giveUpAfter} has passed.
   *
   * @throws MasterUnavailableException no master answered in time
   * @throws MasterRefusedException a master answered 4xx
   */
  public <T> T call(
      String path, Object body, Class<T> replyType, Duration requestTimeout, Duration giveUpAfter) {
    byte[] payload;
    try {
      payload = json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + body.getClass().getSimpleName(), e);
    }
    long deadline = System.nanoTime() + giveUpAfter.toNanos();
    int failures = 0;
    MasterException last = null;
    while (true) {
      int index = current.get();
      URI endpoint = endpoints.get(index);
      boolean nobodyListens;
      try {
        HttpResponse<byte[]> response =
            http.send(
                HttpRequest.newBuilder(endpoint.resolve(path))
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status / 100 == 2) {
          down.answered(index);
          answered.add(endpoint);
          recovered(endpoint);
          return json.readValue(response.body(), replyType);
        }
        if (status >= 500) {
          nobodyListens = false;
          last =
              new MasterException(
                  "master "
                      + endpoint
                      + " is not ready (HTTP "
                      + status
                      + errorText(response)
                      + ")",
                  "it cannot reach the catalog, or is starting; another master may serve meanwhile");
        } else {
          throw refused(endpoint, status, response);
        }
      } catch (IOException e) {
        last = problems.explain(e, endpoint, answered.contains(endpoint));
        nobodyListens = ConnectionProblems.nobodyListens(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MasterUnavailableException("interrupted while calling " + endpoint, null);
      }
      report(endpoint, last);
      if (nobodyListens) {
        down.refused(index);
      }
      current.compareAndSet(index, down.next(index)); // only the first call to see it moves on
      failures++;
      // Another master not yet tried in this round is tried at once; the backoff is for rounds
      // in which every master failed, and grows with them.
      int rounds = failures / endpoints.size();
      Duration wait = failures % endpoints.size() == 0 ? backoff.delay(rounds) : Duration.ZERO;
      if (System.nanoTime() + wait.toNanos() - deadline > 0) {
        throw new MasterUnavailableException(
            "no master answered"
                + (endpoints.size() > 1 ? " (tried " + endpoints + ")" : "")
                + ": "
                + last.getMessage(),
            last.hint());
      }
      try {
        if (!wait.isZero()) {
          Thread.sleep(wait.toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MasterUnavailableException("interrupted while waiting for a master", null);
      }
    }
  }

  private MasterRefusedException refused(URI endpoint, int status, HttpResponse<byte[]> response) {
    ErrorReply error = errorReply(response);
    String message =
        error != null && error.error() != null
            ? "master " + endpoint + " refused: " + error.error()
            : "master " + endpoint + " answered HTTP " + status;
    String hint = error == null ? null : error.hint();
    if (hint == null) {
      hint =
          switch (status) {
            case 401 ->
                "the master does not know this worker's certificate: issue it with sluice"
                    + " cert worker NAME from the cluster CA and point tls.certificate/tls.key at it";
            case 403 ->
                "this worker is disabled or was removed: sluice workers list shows it;"
                    + " sluice workers enable ID enables it";
            default -> "this looks like a bug; report it with the worker's log";
          };
    }
    return new MasterRefusedException(status, message, hint);
  }

  private ErrorReply errorReply(HttpResponse<byte[]> response) {
    try {
      return json.readValue(response.body(), ErrorReply.class);
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  private String errorText(HttpResponse<byte[]> response) {
    ErrorReply error = errorReply(response);
    return error == null || error.error() == null ? "" : ": " + error.error();
  }

  /** Logs a problem once per endpoint until it changes or the endpoint answers again. */
  private void report(URI endpoint, MasterException problem) {
    String text = problem.getMessage();
    if (!text.equals(lastLogged.put(endpoint, text))) {
      log.warn("{}; hint: {}", text, problem.hint());
    }
  }

  private void recovered(URI endpoint) {
    if (lastLogged.remove(endpoint) != null) {
      log.info("master {} answers again", endpoint);
    }
  }

  /** An expired worker certificate would fail every handshake with an obscure alert: say so now. */
  private static void checkOwnCertificate(WorkerSettings.Tls tls) {
    X509Certificate own = Pem.readCertificates(tls.certificate()).get(0);
    Instant notAfter = own.getNotAfter().toInstant();
    if (notAfter.isBefore(Instant.now())) {
      throw new TlsSetupException(
          "this worker's certificate " + tls.certificate() + " expired on " + notAfter,
          "issue a new one with sluice cert worker NAME and point tls.certificate/tls.key at it");
    }
    if (!tls.pinned() && !issuedBy(own, Pem.readCertificates(tls.trusted()))) {
      log.warn(
          "this worker's certificate {} was not issued by the CA in {}; masters trusting that CA"
              + " will refuse it (hint: issue it with sluice cert worker NAME from the cluster CA)",
          tls.certificate(),
          tls.trusted());
    }
  }

  private static boolean issuedBy(X509Certificate certificate, List<X509Certificate> cas) {
    for (X509Certificate ca : cas) {
      try {
        certificate.verify(ca.getPublicKey());
        return true;
      } catch (java.security.GeneralSecurityException notThisOne) {
        // try the next
      }
    }
    return false;
  }

  @Override
  public void close() {
    // java.net.http.HttpClient gained close() in Java 21; on 17 its threads end with the client.
  }
}
