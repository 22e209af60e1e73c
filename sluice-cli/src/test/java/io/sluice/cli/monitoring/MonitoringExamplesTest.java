package io.sluice.cli.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sluice.cli.docs.DocBlocks;
import io.sluice.master.ScaleOutCluster;
import io.sluice.worker.Worker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules and the Grafana dashboard shipped in examples/monitoring read only metrics a real
 * master exposes: every metric name in their PromQL must be in a scrape of a master that has run
 * executions (so the labelled series exist), else the test names the missing ones.
 */
class MonitoringExamplesTest {

  private static final Path EXAMPLES = Path.of("..", "examples", "monitoring");
  private static final Path ALERTS = EXAMPLES.resolve("sluice-alerts.yml");
  private static final Path DASHBOARD = EXAMPLES.resolve("sluice-grafana-dashboard.json");

  /** Made by Prometheus for every target, never by the target: the rules may use it. */
  private static final Set<String> PROMETHEUS_OWN = Set.of("up");

  @TempDir Path dir;

  @Test
  void alertRulesAndDashboardReadOnlyMetricsAMasterExposes() throws Exception {
    Map<String, String> expressions = new LinkedHashMap<>();
    expressions.putAll(alertExpressions());
    expressions.putAll(dashboardExpressions());

    Set<String> exposed;
    try (ScaleOutCluster cluster = ScaleOutCluster.start(dir)) {
      cluster.catalog().projects().deploy("F", MasterMetricsTest.project());
      java.nio.file.Files.writeString(dir.resolve("rows.txt"), "N\n1\n2\n");
      Worker worker = MasterMetricsTest.startWorker(cluster, dir);
      try {
        long rows = MasterMetricsTest.execute(cluster, dir, "Rows", List.of());
        MasterMetricsTest.awaitStatus(cluster, rows, 7);
        exposed = Scrape.of(dir.resolve("ca.crt"), cluster.master.managementPort()).names();
      } finally {
        worker.close();
      }
    }

    List<String> missing = new ArrayList<>();
    Set<String> used = new TreeSet<>();
    expressions.forEach(
        (where, expression) -> {
          for (String name : PromQlNames.of(expression)) {
            used.add(name);
            if (!exposed.contains(name) && !PROMETHEUS_OWN.contains(name)) {
              missing.add(name + " (" + where + ")");
            }
          }
        });
    assertThat(missing).as("metric names a real master's /metrics does not expose").isEmpty();
    // Not vacuous: the files were read and their expressions understood.
    assertThat(used)
        .contains(
            "sluice_executions_ended_total",
            "sluice_workers_online",
            "sluice_leader_present",
            "sluice_queue_depth",
            "sluice_catalog_up",
            "sluice_execution_duration_seconds_bucket",
            "sluice_data_flow_rows_total");
  }

  /**
   * docs/monitoring.md's prometheus.yml ("## 1. Where the metrics are, and how Prometheus gets
   * them", block 1): it loads the rules shipped here, scrapes the path a master serves (the test
   * above scrapes it over HTTPS trusting only the CA, as its tls_config does), under the job name
   * the rules' SluiceMasterDown watches.
   */
  @Test
  void thePrometheusConfigOfTheDocsLoadsTheseRulesAndScrapesAsTheyExpect() throws Exception {
    DocBlocks.Block block =
        DocBlocks.all().stream()
            .filter(b -> b.page().equals("monitoring.md"))
            .filter(b -> b.heading().startsWith("## 1. Where the metrics are"))
            .findFirst()
            .orElseThrow();
    JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(block.text());
    JsonNode scrape = config.at("/scrape_configs/0");

    assertThat(config.at("/rule_files/0").asText()).isEqualTo(ALERTS.getFileName().toString());
    assertThat(scrape.path("scheme").asText()).isEqualTo("https");
    assertThat(scrape.path("metrics_path").asText()).isEqualTo(Scrape.PATH);
    assertThat(scrape.at("/tls_config/ca_file").asText()).endsWith(".crt");
    assertThat(java.nio.file.Files.readString(ALERTS))
        .contains("up{job=\"" + scrape.path("job_name").asText() + "\"}");
  }

  @Test
  void theAlertsTheDocsPromiseAreThere() throws Exception {
    assertThat(alertExpressions().keySet())
        .containsExactlyInAnyOrder(
            "alert SluiceExecutionsFailed",
            "alert SluiceNoWorkerOnline",
            "alert SluiceLeaderMissing",
            "alert SluiceQueueGrowing",
            "alert SluiceCatalogUnreachable",
            "alert SluiceMasterDown");
  }

  @Test
  void promQlNamesFindMetricsNotFunctionsLabelsOrKeywords() {
    assertThat(
            PromQlNames.of(
                "sum by (status, le) (increase(a_total{status=~\"failed|x\"}[10m])) > 0"
                    + " and on(instance) absent(b) or deriv(max(c)[15m:1m]) > bool 2"
                    + " unless histogram_quantile(0.95, rate(d_bucket[5m] offset 1h)) > 1e3"))
        .containsExactly("a_total", "b", "c", "d_bucket");
  }

  private static Map<String, String> alertExpressions() throws Exception {
    JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(ALERTS.toFile());
    Map<String, String> expressions = new LinkedHashMap<>();
    for (JsonNode group : rules.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        String name = rule.has("alert") ? "alert " + rule.get("alert").asText() : "record";
        expressions.put(name, rule.path("expr").asText());
      }
    }
    assertThat(expressions).as(ALERTS + " has rules").isNotEmpty();
    return expressions;
  }

  private static Map<String, String> dashboardExpressions() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    Map<String, String> expressions = new LinkedHashMap<>();
    collect(dashboard.path("panels"), expressions);
    assertThat(expressions).as(DASHBOARD + " has panels with queries").isNotEmpty();
    return expressions;
  }

  /** Every target's expr, in panels and in the panels of rows. */
  private static void collect(JsonNode panels, Map<String, String> into) {
    for (JsonNode panel : panels) {
      int n = 0;
      for (JsonNode target : panel.path("targets")) {
        into.put(
            "panel '" + panel.path("title").asText() + "' " + (n++), target.path("expr").asText());
      }
      collect(panel.path("panels"), into);
    }
  }
}
