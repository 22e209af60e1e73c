package io.sluice.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerSettingsReaderTest {

  @TempDir Path dir;

  private static final String TLS = "tls: {ca: ca.crt, certificate: w.crt, key: w.key}\n";

  @BeforeEach
  void files() throws Exception {
    for (String f : new String[] {"ca.crt", "w.crt", "w.key", "master.crt"}) {
      Files.writeString(dir.resolve(f), "x");
    }
  }

  private WorkerSettings parse(String yaml) {
    return WorkerSettingsReader.parse(yaml, dir);
  }

  @Test
  void everySettingIsRead() {
    WorkerSettings s =
        parse(
            """
            displayName: etl-1
            description: big box
            tags: [linux, big-memory]
            masters: [https://m1.example.com:8391, m2.example.com]
            tls: {ca: ca.crt, certificate: w.crt, key: w.key}
            agentHeartbeatInterval: 5s
            taskHeartbeatInterval: 500ms
            heartbeatErrorTolerance: 00:10:00
            maxTaskCount: 4
            leaseSafetyMargin: 3s
            taskLogFolder: /var/log/sluice
            executionLogCacheFolder: cache
            logRetryCount: 5
            logRetryTimeout: 7d
            shutdownGracePeriod: 1m
            pollWait: PT20S
            connectTimeout: 1s
            """);
    assertThat(s.displayName()).isEqualTo("etl-1");
    assertThat(s.tags()).containsExactly("linux", "big-memory");
    assertThat(s.masters())
        .containsExactly(
            URI.create("https://m1.example.com:8391"), URI.create("https://m2.example.com:8391"));
    assertThat(s.tls().trusted()).isEqualTo(dir.resolve("ca.crt"));
    assertThat(s.tls().pinned()).isFalse();
    assertThat(s.agentHeartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.taskHeartbeatInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(s.heartbeatErrorTolerance()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.maxTaskCount()).isEqualTo(4);
    assertThat(s.leaseSafetyMargin()).isEqualTo(Duration.ofSeconds(3));
    assertThat(s.taskLogFolder()).isEqualTo(Path.of("/var/log/sluice"));
    assertThat(s.executionLogCacheFolder()).isEqualTo(dir.resolve("cache"));
    assertThat(s.logRetryCount()).isEqualTo(5);
    assertThat(s.logRetryTimeout()).isEqualTo(Duration.ofDays(7));
    assertThat(s.shutdownGracePeriod()).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.pollWait()).isEqualTo(Duration.ofSeconds(20));
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void defaultsMirrorTheLeaseRulesAndSsis() {
    WorkerSettings s = parse("masters: https://sluice-cluster\n" + TLS);
    assertThat(s.masters()).containsExactly(URI.create("https://sluice-cluster:8391"));
    assertThat(s.agentHeartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.taskHeartbeatInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.leaseSafetyMargin()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.maxTaskCount()).isEqualTo(10);
    assertThat(s.logRetryCount()).isEqualTo(3);
    assertThat(s.logRetryTimeout()).isEqualTo(Duration.ofDays(7));
    assertThat(s.displayName()).isNotBlank();
  }

  @Test
  void aPinnedMasterCertificateIsTheAlternativeToTheCa() {
    WorkerSettings s =
        parse(
            "masters: [m1]\ntls: {masterCertificate: master.crt, certificate: w.crt, key: w.key}");
    assertThat(s.tls().pinned()).isTrue();
    assertThatThrownBy(
            () ->
                parse(
                    "masters: [m1]\n"
                        + "tls: {ca: ca.crt, masterCertificate: master.crt, certificate: w.crt,"
                        + " key: w.key}"))
        .hasMessageContaining("exactly one of tls.ca");
  }

  @Test
  void aMisspeltSettingIsAnErrorThatSuggestsTheRightName() {
    assertThatThrownBy(() -> parse("masters: [m1]\n" + TLS + "maxTasks: 4\n"))
        .isInstanceOf(WorkerSettingsException.class)
        .hasMessageContaining("unknown setting 'maxTasks'")
        .extracting(e -> ((WorkerSettingsException) e).hint())
        .asString()
        .contains("did you mean maxTaskCount?");
  }

  @Test
  void displayNameAndTagsShowAsWhatTheyAreAndTheDescriptionFitsTheCatalog() {
    assertThatThrownBy(
            () -> parse("masters: [m1]\n" + TLS + "displayName: \"etl\\u202E1-rekrow\"\n"))
        .hasMessageEndingWith(
            ": displayName 'etl<U+202E>1-rekrow' contains U+202E RIGHT-TO-LEFT OVERRIDE, an"
                + " invisible character that changes how the name is shown")
        .extracting(e -> ((WorkerSettingsException) e).hint())
        .asString()
        .contains("type the name again");
    assertThatThrownBy(() -> parse("masters: [m1]\n" + TLS + "tags: [\"gpu\\u200B\"]\n"))
        .hasMessageContaining("tags 'gpu<U+200B>' contains U+200B ZERO WIDTH SPACE");
    assertThatThrownBy(
            () -> parse("masters: [m1]\n" + TLS + "description: " + "x".repeat(1025) + "\n"))
        .hasMessageContaining(
            "the worker description is 1,025 characters long: the limit is 1,024");
    assertThat(parse("masters: [m1]\n" + TLS + "description: " + "x".repeat(1024) + "\n"))
        .extracting(WorkerSettings::description)
        .asString()
        .hasSize(1024);
  }

  @Test
  void wrongValuesNameTheSettingAndShowAnExample() {
    assertThatThrownBy(() -> parse("masters: [m1]\n" + TLS + "taskHeartbeatInterval: 2\n"))
        .hasMessageContaining("'taskHeartbeatInterval' must be a positive duration")
        .extracting(e -> ((WorkerSettingsException) e).hint())
        .asString()
        .contains("taskHeartbeatInterval: 10s");
    assertThatThrownBy(() -> parse("masters: [m1]\n" + TLS + "maxTaskCount: none\n"))
        .hasMessageContaining("'maxTaskCount' must be a whole number");
    assertThatThrownBy(() -> parse("masters: [m1]\n" + TLS + "maxTaskCount: 0\n"))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> parse("masters: [http://m1:8391]\n" + TLS))
        .hasMessageContaining("is not https");
    assertThatThrownBy(() -> parse(TLS)).hasMessageContaining("no master endpoint");
    assertThatThrownBy(() -> parse("masters: [m1\n")).hasMessageContaining("is not valid YAML");
  }

  @Test
  void missingCertificateFilesAreNamedWithTheCommandThatMakesThem() {
    assertThatThrownBy(
            () -> parse("masters: [m1]\ntls: {ca: ca.crt, certificate: nope.crt, key: w.key}"))
        .hasMessageContaining("tls.certificate names " + dir.resolve("nope.crt"))
        .extracting(e -> ((WorkerSettingsException) e).hint())
        .asString()
        .contains("sluice cert worker NAME");
    assertThatThrownBy(() -> parse("masters: [m1]\n")).hasMessageContaining("no 'tls' settings");
  }

  @Test
  void aMissingFileSaysHowToCreateIt() {
    assertThatThrownBy(() -> WorkerSettingsReader.read(dir.resolve("worker.yaml")))
        .hasMessageContaining("does not exist")
        .extracting(e -> ((WorkerSettingsException) e).hint())
        .asString()
        .contains("docs/worker.md");
  }
}
