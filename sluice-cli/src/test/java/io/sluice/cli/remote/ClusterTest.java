package io.sluice.cli.remote;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** An end-to-end test class: each test method gets a fresh {@link TestCluster} in {@code dir}. */
abstract class ClusterTest {

  @TempDir Path dir;
  TestCluster cluster;

  @BeforeEach
  void startCluster() {
    cluster = TestCluster.start(dir);
  }

  @AfterEach
  void stopCluster() {
    cluster.close();
  }
}
