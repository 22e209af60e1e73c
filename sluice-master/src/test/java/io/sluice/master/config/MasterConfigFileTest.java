package io.sluice.master.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterConfigFileTest {

  @TempDir Path tmp;

  private MasterSettings read(String yaml) throws Exception {
    Path file = tmp.resolve("master.yaml");
    Files.writeString(file, yaml);
    return MasterConfigFile.read(file);
  }

  @Test
  void defaultsFollowTheLeaseRulesAndPathsAreRelativeToTheFile() throws Exception {
    MasterSettings s = read("tls: {certificate: m.crt, key: m.key, ca: ca.crt}\n");

    assertThat(s.port()).isEqualTo(8391);
    assertThat(s.managementPort()).isEqualTo(8392);
    assertThat(s.leaseInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.grace()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.expiredTaskCheckInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(s.maxPollWait()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.cleanupCompletedTasksInterval()).isEqualTo(Duration.ofHours(12));
    assertThat(s.certificate()).isEqualTo(tmp.resolve("m.crt"));
    assertThat(s.leaderLease()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.catalogFailoverTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.retentionCleanupInterval()).isEqualTo(Duration.ofDays(1));
    assertThat(s.serverExecutionJvmOptions()).containsExactly("-Xmx1g", "-XX:+UseSerialGC");
  }

  @Test
  void serverExecutionJvmOptionsAreOneLineOrAList() throws Exception {
    String tls = "tls: {certificate: m.crt, key: m.key, ca: ca.crt}\n";
    assertThat(
            read(tls + "serverExecutionJvmOptions: -Xmx2g  -XX:+UseG1GC\n")
                .serverExecutionJvmOptions())
        .containsExactly("-Xmx2g", "-XX:+UseG1GC");
    assertThat(read(tls + "serverExecutionJvmOptions: [-Xmx512m]\n").serverExecutionJvmOptions())
        .containsExactly("-Xmx512m");
    assertThatThrownBy(() -> read(tls + "serverExecutionJvmOptions: Xmx2g\n"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining(
            "serverExecutionJvmOptions must be JVM options, each starting with '-'");
  }

  @Test
  void durationsReadAsPeopleWriteThem() throws Exception {
    MasterSettings s =
        read(
            """
            port: 9000
            tls: {certificate: m.crt, key: m.key, ca: ca.crt}
            leaseInterval: 45s
            grace: 500ms
            expiredTaskCheckInterval: 00:00:02
            taskTimeout: 2h
            leaderLease: 15s
            catalogFailoverTimeout: 0
            retentionCleanupInterval: 6h
            catalog: {url: "jdbc:postgresql://db/sluice"}
            """);

    assertThat(s.port()).isEqualTo(9000);
    assertThat(s.leaseInterval()).isEqualTo(Duration.ofSeconds(45));
    assertThat(s.grace()).isEqualTo(Duration.ofMillis(500));
    assertThat(s.expiredTaskCheckInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.taskTimeout()).isEqualTo(Duration.ofHours(2));
    assertThat(s.leaderLease()).isEqualTo(Duration.ofSeconds(15));
    assertThat(s.catalogFailoverTimeout()).isZero();
    assertThat(s.retentionCleanupInterval()).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void mistakesAreNamedWithAHint() {
    assertThatThrownBy(() -> read("tls: {certificate: m.crt, key: m.key, ca: ca.crt}\nleese: 5s\n"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("master.yaml: unknown setting 'leese'")
        .satisfies(e -> assertThat(((SettingsException) e).hint()).contains("leaseInterval"));
    assertThatThrownBy(
            () -> read("tls: {certificate: m.crt, key: m.key, ca: ca.crt}\nleaseIntervall: 5s\n"))
        .satisfies(
            e ->
                assertThat(((SettingsException) e).hint())
                    .startsWith("did you mean leaseInterval? known settings:"));
    // one rule with worker.yaml: 2000 could be seconds or milliseconds, so it is refused
    assertThatThrownBy(
            () -> read("tls: {certificate: m.crt, key: m.key, ca: ca.crt}\ngrace: 2000\n"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("grace: '2000' is not a duration (a bare number could be s or ms)")
        .satisfies(e -> assertThat(((SettingsException) e).hint()).contains("500ms, 10s"));
    assertThatThrownBy(
            () -> read("tls: {certificate: m.crt, key: m.key, ca: ca.crt}\ngrace: soon\n"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("grace: 'soon' is not a duration");
    assertThatThrownBy(() -> read("port: 8391\n"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("no tls: section");
    assertThatThrownBy(() -> MasterConfigFile.read(tmp.resolve("missing.yaml")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("does not exist");
  }
}
