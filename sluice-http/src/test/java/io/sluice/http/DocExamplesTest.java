package io.sluice.http;

import static io.sluice.http.HttpTaskTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.testing.RecordedEvents;
import io.sluice.engine.testing.TestRuns;
import io.sluice.http.TestHttpServer.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The YAML of docs/package-format.md's Http and http sections is what runs: the connection
 * section's project.yaml and the task section's package, against an HTTP server started here (the
 * doc's server URL and data folder replaced by the test's, nothing else).
 */
class DocExamplesTest {

  static final Path DOCS = Path.of("..", "docs", "package-format.md");
  static final String TOKEN = "doc-example-token-1234";

  @TempDir Path dir;

  @Test
  void theHttpTaskExampleRunsAsWrittenAgainstARealServer() throws Exception {
    List<String> project = yamlBlocks(section("### http (SSIS HTTP connection manager)"));
    List<String> pkg = yamlBlocks(section("### Http (SSIS Web Service Task)"));
    assertThat(project).hasSize(1);
    assertThat(pkg).hasSize(1);
    String envelope =
        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
            + "<GetRate><Currency>EUR</Currency></GetRate></soap:Body></soap:Envelope>";
    Files.writeString(dir.resolve("get-rate.xml"), envelope);
    try (TestHttpServer server = TestHttpServer.http()) {
      server
          .route("/v1/rates", r -> Answer.of(200, "application/json", "{\"EUR\": 1.08}"))
          .route("/v1/rates/export.csv", r -> Answer.of(200, "text/csv", "EUR;1.08\n"))
          .route("/v1/orders", r -> Answer.of(409, "application/json", "{\"exists\": true}"))
          .route(
              "/v1/soap/RateService.asmx",
              r -> Answer.of(200, "text/xml; charset=utf-8", "<Envelope>1.08</Envelope>"));

      RecordedEvents events =
          TestRuns.run(
              ProjectFiles.of(
                  Map.of(
                      "project.yaml",
                      bytes(
                          project
                              .get(0)
                              .replace("https://rates.example.com/v1", server.url() + "/v1")
                              .replace("/data/rates/", dir + "/")),
                      "packages/main.yaml",
                      bytes(pkg.get(0)))),
              dir.resolve("jars"),
              "main",
              new ParameterValues(Map.of("RatesToken", TOKEN), Map.of()));

      assertThat(events.result.succeeded()).as(events.all()).isTrue();
      assertThat(server.requests)
          .extracting(r -> r.method() + " " + r.uri())
          .containsExactly(
              "GET /v1/rates?day=2024-01-31",
              "GET /v1/rates/export.csv",
              "POST /v1/orders",
              "POST /v1/soap/RateService.asmx");
      assertThat(server.requests)
          .allMatch(r -> ("Bearer " + TOKEN).equals(r.header("Authorization")));
      assertThat(Files.readString(dir.resolve("export.csv"))).isEqualTo("EUR;1.08\n");
      assertThat(server.requests.get(2).text())
          .isEqualTo("{\"currency\": \"EUR\", \"amount\": 100}");
      assertThat(server.requests.get(2).header("Content-Type")).isEqualTo("application/json");
      TestHttpServer.Request soap = server.requests.get(3);
      assertThat(soap.text()).isEqualTo(envelope);
      assertThat(soap.header("Content-Type")).isEqualTo("text/xml; charset=utf-8");
      assertThat(soap.header("SOAPAction")).isEqualTo("\"http://example.com/GetRate\"");
      assertThat(events.all()).doesNotContain(TOKEN);
    }
  }

  private static String section(String heading) throws Exception {
    String doc = Files.readString(DOCS);
    int start = doc.indexOf(heading);
    assertThat(start).as(heading).isNotNegative();
    int end = doc.indexOf("\n### ", start + heading.length());
    int chapter = doc.indexOf("\n## ", start + heading.length());
    if (end < 0 || chapter >= 0 && chapter < end) {
      end = chapter;
    }
    return doc.substring(start, end < 0 ? doc.length() : end);
  }

  private static List<String> yamlBlocks(String text) {
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(text);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }
}
