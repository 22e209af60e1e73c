package io.sluice.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sluice.catalog.database.CatalogLocation;
import io.sluice.catalog.testing.CatalogUnderTest;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.cli.catalog.CliRun.Result;
import io.sluice.master.ScaleOutCluster;
import io.sluice.master.TestWorker;
import io.sluice.protocol.worker.PollReply;
import io.sluice.protocol.worker.TaskAssignment;
import io.sluice.protocol.worker.TaskResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the CLI prints shows names and messages as they are, without slips. */
class CliOutputTest {

  @TempDir Path tmp;

  @Test
  void oddNamesAreQuotedAndInvisibleCharactersShownNotObeyed() {
    CliRun sluice = new CliRun(TestCatalog.newEmptyDatabase(), tmp.resolve("catalog.key"));

    assertThat(sluice.catalog("folders", "create", "Finance").out())
        .isEqualTo("Created folder Finance.\n");
    assertThat(sluice.catalog("folders", "create", "../x").out())
        .isEqualTo("Created folder '../x'.\n");
    assertThat(sluice.catalog("folders", "create", "month end").out())
        .isEqualTo("Created folder 'month end'.\n");
    assertThat(sluice.catalog("folders", "create", ".hidden").out())
        .isEqualTo("Created folder '.hidden'.\n");
    assertThat(sluice.catalog("folders", "create", "it's").out())
        .isEqualTo("Created folder \"it's\".\n");
    assertThat(sluice.catalog("environments", "create", "Prod 2", "--folder", "../x").out())
        .isEqualTo("Created environment 'Prod 2' in folder '../x'.\n");
    assertThat(sluice.catalog("folders", "create", "../y", "--json").out())
        .as("JSON keeps the name as stored")
        .contains("\"name\" : \"../y\"");

    Result bidi = sluice.catalog("folders", "create", "evil\u202Etxt.exe");
    assertThat(bidi.exitCode()).isEqualTo(2);
    assertThat(bidi.err())
        .contains(
            "error: folder name 'evil<U+202E>txt.exe' contains U+202E RIGHT-TO-LEFT OVERRIDE, an"
                + " invisible character that changes how the name is shown\n")
        .contains("hint: type the name again without it")
        .doesNotContain("\u202E");
    // Looking one up echoes what was typed; the error shows it instead of obeying it.
    Result lookup = sluice.catalog("folders", "delete", "evil\u202Etxt.exe");
    assertThat(lookup.exitCode()).isNotZero();
    assertThat(lookup.err()).contains("evil<U+202E>txt.exe").doesNotContain("\u202E");
  }

  @Test
  void aFailureTheMasterRecordsIsPrintedWithoutANullSource() throws Exception {
    CatalogLocation location = TestCatalog.newEmptyDatabase();
    Path key = tmp.resolve("catalog.key");
    Files.writeString(key, Base64.getEncoder().encodeToString(testKey()) + "\n");
    try (CatalogUnderTest under = CatalogUnderTest.open(location);
        ScaleOutCluster cluster = ScaleOutCluster.start(tmp, under, s -> s)) {
      // The cluster has deployed F/P with package Load.
      TestWorker worker = cluster.enabledWorker("w1");
      CompletableFuture<Result> waiting =
          CompletableFuture.supplyAsync(
              () ->
                  new CliRun(location, key)
                      .catalog(
                          "execute",
                          "--folder",
                          "F",
                          "--project",
                          "P",
                          "--package",
                          "Load",
                          "--scale-out",
                          "--wait"));

      // The worker's attempt fails; the master records that, with no message source.
      TaskAssignment task =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> worker.poll(1, 1_000), (PollReply p) -> !p.tasks().isEmpty())
              .tasks()
              .get(0);
      worker.result(
          task.taskId(), new TaskResult(task.attempt(), TaskResult.Outcome.FAILED, 1, 0, "boom"));

      Result ended = waiting.get();
      assertThat(ended.exitCode()).as(ended.err()).isEqualTo(1);
      assertThat(ended.out())
          .contains("  120 Error  attempt 1 of 1 failed on worker w1 (" + worker.id + "): boom;")
          .contains("  error: attempt 1 of 1 failed on worker w1 (" + worker.id + "): boom;")
          .doesNotContain("null");
    }
  }

  /** The key of TestCatalog's cipher, which the cluster's catalog uses. */
  private static byte[] testKey() {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i * 7 + 3);
    }
    return key;
  }
}
