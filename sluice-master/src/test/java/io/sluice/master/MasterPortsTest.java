package io.sluice.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.master.config.SettingsException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterPortsTest {

  @TempDir Path dir;

  @Test
  void aPortInUseIsRefusedNamingThePortAndTheSettingToChange() {
    try (ScaleOutCluster cluster = ScaleOutCluster.start(dir)) {
      int taken = cluster.master.workerPort();

      SettingsException refused =
          catchThrowableOfType(
              () -> cluster.startAnotherMaster(settings -> settings.withPorts(taken, 0)),
              SettingsException.class);

      assertThat(refused.getMessage())
          .startsWith("the master cannot listen on port " + taken + " (the worker API, port:)")
          .contains("another master, or another program, uses it");
      assertThat(refused.hint()).contains("port: and managementPort: in master.yaml");
      // The first master still serves.
      assertThat(cluster.master.workerPort()).isEqualTo(taken);
    }
  }
}
