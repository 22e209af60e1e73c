package io.sluice.master.catalogapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.master.ScaleOutCluster;
import io.sluice.protocol.tls.TlsContexts;
import io.sluice.protocol.worker.WorkerApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document the master serves describes exactly the management routes it has: a route
 * added without documenting it, or a documented path the server lacks, fails here by name. The
 * worker API (its own port and protocol, docs/worker.md) and the console's HTML pages are not part
 * of it; everything under /api, /health and /metrics is.
 */
class OpenApiDocumentTest {

  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  @TempDir Path tmp;

  @Test
  void theDocumentDescribesEveryManagementRouteAndNoOther() throws Exception {
    try (ScaleOutCluster cluster = ScaleOutCluster.start(tmp)) {
      cluster.ca.issueAdministrator("alice", Duration.ofDays(1)).writePem(tmp, "alice");
      HttpClient admin =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .sslContext(
                  TlsContexts.sslContext(
                      TlsContexts.keyStore(tmp.resolve("alice.crt"), tmp.resolve("alice.key")),
                      TlsContexts.trustStore(tmp.resolve("ca.crt"))))
              .build();
      HttpResponse<String> response =
          admin.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "https://localhost:"
                              + cluster.master.managementPort()
                              + "/api/v1/openapi.json"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      JsonNode document = new ObjectMapper().readTree(response.body());

      Set<String> documented = new TreeSet<>();
      for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
          paths.hasNext(); ) {
        Map.Entry<String, JsonNode> path = paths.next();
        path.getValue()
            .fieldNames()
            .forEachRemaining(
                method -> {
                  if (METHODS.contains(method)) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                  }
                });
      }
      Set<String> served = new TreeSet<>();
      for (String route : cluster.master.routes()) {
        String path = route.substring(route.indexOf(' ') + 1);
        if (path.startsWith(WorkerApi.BASE)) {
          continue; // the worker API: another port, another protocol
        }
        if (path.startsWith("/api/") || path.startsWith("/health") || path.equals("/metrics")) {
          served.add(route); // the console's pages (/console/...) are HTML, not the REST API
        }
      }

      Set<String> undocumented = new TreeSet<>(served);
      undocumented.removeAll(documented);
      Set<String> notServed = new TreeSet<>(documented);
      notServed.removeAll(served);
      assertThat(document.path("openapi").asText()).startsWith("3.");
      assertThat(undocumented).as("routes the master serves that openapi.json lacks").isEmpty();
      assertThat(notServed).as("paths openapi.json documents that the master lacks").isEmpty();
    }
  }
}
