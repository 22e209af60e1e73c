package io.sluice.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.database.CatalogLocation;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.cli.catalog.CliRun.Result;
import io.sluice.master.leader.LeaderLease;
import io.sluice.master.management.MasterNodes;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice master status}: every master of the catalog, and which one leads since when. */
class MasterStatusCommandTest {

  @TempDir Path tmp;

  @Test
  void showsEveryMasterAndTheLeaderWithItsEpoch() throws Exception {
    CatalogLocation location = TestCatalog.newEmptyDatabase();
    CliRun sluice = new CliRun(location, tmp.resolve("catalog.key"));
    try (CatalogDatabase database = CatalogDatabase.open(location)) {
      MasterNodes nodes = new MasterNodes(database.jdbi());
      nodes.record("m1", "host1", "m1.example.com", 8391, "AA:BB");
      nodes.record("m2", "host2", "m2.example.com", 8391, "CC:DD");

      Result none = sluice.onCatalog("master", "status");
      assertThat(none.exitCode()).as(none.err()).isZero();
      assertThat(none.out()).contains("m1").contains("m2").contains("Leader: none");

      try (LeaderLease lease = new LeaderLease(database.jdbi(), "m2", Duration.ofSeconds(30))) {
        assertThat(lease.renewOrAcquire()).isTrue();

        Result table = sluice.onCatalog("master", "status");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out())
            .containsPattern("m2 +leader +online +host2 +m2\\.example\\.com +8391")
            .containsPattern("m1 +online +host1")
            .containsPattern(
                "Leader: m2 since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(epoch 1,");

        Result json = sluice.onCatalog("master", "status", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode status = new ObjectMapper().readTree(json.out());
        assertThat(status.path("leader").path("holder").asText()).isEqualTo("m2");
        assertThat(status.path("leader").path("epoch").asLong()).isEqualTo(1);
        assertThat(status.path("leader").path("since").asText()).endsWith("Z");
        assertThat(status.path("masters")).hasSize(2);
        assertThat(status.path("masters").get(0).path("masterName").asText()).isEqualTo("m1");
      }
    }
  }
}
