package io.sluice.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sluice.cli.catalog.CliRun;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/http-rates run by {@code sluice run} against the JDK's HTTP server started here, which
 * wants the bearer token: the rates land in the file, the latest are posted back (a 409 the package
 * accepts), and the token given on the command line appears nowhere in what sluice prints.
 */
class HttpRatesExampleTest {

  static final Path EXAMPLE = Path.of("..", "examples", "http-rates");
  static final String TOKEN = "example-token-7f3a9c";
  static final String RATES = "{\"day\": \"2024-01-31\", \"EUR\": 1.08}";

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      requests.add(exchange.getRequestMethod() + " " + path + " " + body);
      int status;
      String answer;
      if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        status = 401;
        answer = "no token";
      } else if (path.equals("/v1/rates.json") || path.equals("/v1/rates/latest")) {
        status = 200;
        answer = RATES;
      } else if (path.equals("/v1/reports")) {
        status = 409; // already reported today: the package lists 409 as success
        answer = "{\"exists\": true}";
      } else {
        status = 404;
        answer = "no such path";
      }
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Test
  void sluiceRunSavesTheRatesAndPostsThemBack(@TempDir Path dir) throws Exception {
    Path folder = dir.resolve("rates");
    CliRun.Result run =
        CliRun.run(
            "run",
            EXAMPLE.toString(),
            "--package",
            "fetch",
            "--param",
            "$Project::RatesUrl=http://localhost:" + server.getAddress().getPort() + "/v1",
            "--param",
            "$Project::RatesToken=" + TOKEN,
            "--param",
            "$Project::Folder=" + folder);

    assertThat(run.exitCode()).as(run.out() + "\n" + run.err()).isZero();
    assertThat(Files.readString(folder.resolve("rates.json"))).isEqualTo(RATES);
    assertThat(requests)
        .containsExactly(
            "GET /v1/rates.json ", "GET /v1/rates/latest ", "POST /v1/reports " + RATES);
    assertThat(run.out() + run.err()).doesNotContain(TOKEN);
  }

  @Test
  void projectValidateAcceptsTheExample() {
    CliRun.Result valid = CliRun.run("project", "validate", EXAMPLE.toString());
    assertThat(valid.exitCode()).as(valid.err()).isZero();
    assertThat(valid.out()).startsWith("project http-rates is valid: 1 package");
  }
}
