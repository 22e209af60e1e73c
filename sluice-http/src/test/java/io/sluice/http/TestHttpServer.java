package io.sluice.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.sluice.protocol.tls.CertificateAuthority;
import io.sluice.protocol.tls.IssuedCertificate;
import io.sluice.protocol.tls.Pem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP (or HTTPS) server on a free port of localhost, the JDK's own: each request it gets is
 * recorded (method, URI as received, headers, body), and answered by the route of its path.
 */
final class TestHttpServer implements AutoCloseable {

  /** A request as the server received it. */
  record Request(String method, URI uri, Headers headers, byte[] body) {
    String header(String name) {
      return headers.getFirst(name);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** An answer: status, headers, body. */
  record Answer(int status, Map<String, String> headers, byte[] body) {
    static Answer of(int status, String contentType, String body) {
      return new Answer(
          status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }
  }

  interface Route {
    Answer answer(Request request) throws Exception;
  }

  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  private TestHttpServer(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  static TestHttpServer http() throws IOException {
    return new TestHttpServer(
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
  }

  static TestHttpServer https(Tls tls) throws Exception {
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
    return new TestHttpServer(server);
  }

  /** {@code http://localhost:PORT} (or https). */
  String url() {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return scheme + "://localhost:" + server.getAddress().getPort();
  }

  int port() {
    return server.getAddress().getPort();
  }

  TestHttpServer route(String path, Route route) {
    routes.put(path, route);
    return this;
  }

  Request last() {
    return requests.get(requests.size() - 1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Request request =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI(),
              exchange.getRequestHeaders(),
              body);
      requests.add(request);
      Route route = routes.get(exchange.getRequestURI().getPath());
      Answer answer;
      try {
        answer =
            route == null
                ? Answer.of(404, "text/plain", "no route " + exchange.getRequestURI().getPath())
                : route.answer(request);
      } catch (Exception e) {
        answer = Answer.of(599, "text/plain", "the test route failed: " + e);
      }
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      boolean empty = answer.body().length == 0 || request.method().equals("HEAD");
      exchange.sendResponseHeaders(answer.status(), empty ? -1 : answer.body().length);
      if (!empty) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer.body());
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  /** A TLS identity for localhost issued by a test CA, and the CA's PEM file to trust. */
  record Tls(IssuedCertificate certificate, Path caPem) {

    static Tls issue(Path folder) {
      return issue(folder, List.of("localhost", "127.0.0.1"));
    }

    /** A certificate for {@code names} (the server still listens on localhost). */
    static Tls issue(Path folder, List<String> names) {
      CertificateAuthority ca = CertificateAuthority.create("Http test CA", Duration.ofDays(1));
      IssuedCertificate cert = ca.issueServer(names, Duration.ofDays(1));
      Path caPem = folder.resolve("ca-" + names.get(0) + ".pem");
      Pem.write(caPem, Pem.certificates(List.of(ca.certificate())), false);
      return new Tls(cert, caPem);
    }

    String fingerprint() {
      return certificate.fingerprint();
    }

    SSLContext serverContext() throws Exception {
      char[] password = "changeit".toCharArray();
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "server", certificate.key(), password, certificate.chain().toArray(Certificate[]::new));
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, password);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(kmf.getKeyManagers(), null, null);
      return tls;
    }
  }
}
