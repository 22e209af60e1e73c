package io.sluice.catalog.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.execution.CreateExecution;
import io.sluice.catalog.testing.CatalogUnderTest;
import io.sluice.catalog.testing.TestProjects;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version cleanup from the retention job, and versions that unfinished executions still need. */
class VersionCleanupTest {

  @TempDir Path tmp;

  private CatalogUnderTest under;
  private Catalog catalog;

  @BeforeEach
  void open() {
    under = CatalogUnderTest.open();
    catalog = under.catalog();
    catalog.folders().create("F", "");
  }

  @AfterEach
  void close() {
    under.close();
  }

  @Test
  void theCleanupJobTrimsEveryProjectToTheLimit() {
    for (String name : new String[] {"A", "B"}) {
      for (int i = 0; i < 3; i++) {
        catalog.projects().deploy("F", TestProjects.sample(name).pack(tmp.resolve(name + i)));
      }
    }
    under.setProperty("MAX_PROJECT_VERSIONS", "1");

    var result = catalog.operations().cleanup();

    assertThat(result.projectVersionsRemoved()).isEqualTo(4);
    assertThat(catalog.projects().versions("F", "A"))
        .extracting(ProjectVersion::versionNumber)
        .containsExactly(3);
    assertThat(catalog.projects().versions("F", "B"))
        .extracting(ProjectVersion::versionNumber)
        .containsExactly(3);
  }

  @Test
  void aVersionAnUnfinishedExecutionUsesIsKeptPastTheLimit() {
    under.setProperty("MAX_PROJECT_VERSIONS", "1");
    catalog.projects().deploy("F", TestProjects.sample("A").pack(tmp.resolve("v1")));
    String pkg = "Load";
    catalog.executions().create(CreateExecution.of("F", "A", pkg)); // created on version 1

    catalog.projects().deploy("F", TestProjects.sample("A").pack(tmp.resolve("v2")));
    catalog.projects().deploy("F", TestProjects.sample("A").pack(tmp.resolve("v3")));

    assertThat(catalog.projects().versions("F", "A"))
        .extracting(ProjectVersion::versionNumber)
        .containsExactlyInAnyOrder(1, 3);
  }
}
