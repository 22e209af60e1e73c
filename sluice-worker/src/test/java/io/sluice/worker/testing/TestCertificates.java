package io.sluice.worker.testing;

import io.sluice.protocol.tls.CertificateAuthority;
import io.sluice.protocol.tls.IssuedCertificate;
import io.sluice.worker.config.WorkerSettings;
import io.sluice.worker.config.WorkerSettingsReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A cluster CA with a master and a worker certificate, as PEM files in a folder, and the
 * worker.yaml that uses them.
 */
public final class TestCertificates {

  private final Path folder;
  private final CertificateAuthority ca;

  public TestCertificates(Path folder) {
    this(folder, CertificateAuthority.create("Test cluster CA", Duration.ofDays(30)));
    ca.writePem(folder);
    ca.issueServer(List.of("localhost", "127.0.0.1"), Duration.ofDays(1))
        .writePem(folder, "master");
    ca.issueClient("worker-1", Duration.ofDays(1)).writePem(folder, "worker");
  }

  private TestCertificates(Path folder, CertificateAuthority ca) {
    this.folder = folder;
    this.ca = ca;
  }

  /**
   * Worker certificates of a cluster whose CA ({@code ca.crt}) and master certificate are in {@code
   * folder} already, e.g. a ScaleOutCluster's; issue them with {@link #issueWorker}.
   */
  public static TestCertificates ofCluster(Path folder, CertificateAuthority ca) {
    return new TestCertificates(folder, ca);
  }

  public Path folder() {
    return folder;
  }

  public CertificateAuthority ca() {
    return ca;
  }

  /** Writes another server certificate under {@code base} (e.g. expired, or other names). */
  public IssuedCertificate issueServer(String base, List<String> names, Duration validity) {
    IssuedCertificate issued = ca.issueServer(names, validity);
    issued.writePem(folder, base);
    return issued;
  }

  /** Worker settings for these endpoints, with test-friendly timings. */
  public WorkerSettings workerSettings(List<String> endpoints, String extraYaml) {
    return WorkerSettingsReader.parse(workerYaml(endpoints, extraYaml), folder);
  }

  /** The worker.yaml text behind {@link #workerSettings}; paths relative to {@link #folder()}. */
  public String workerYaml(List<String> endpoints, String extraYaml) {
    return workerYaml("worker", endpoints, extraYaml)
        .replace("worker-tasks", "tasks")
        .replace("worker-cache", "cache");
  }

  /** A client certificate {@code <name>.crt/.key} from the cluster CA. */
  public void issueWorker(String name) {
    ca.issueClient(name, Duration.ofDays(1)).writePem(folder, name);
  }

  /**
   * worker.yaml for worker {@code name}: certificate {@code <name>.crt}, folders {@code
   * <name>-tasks} and {@code <name>-cache}.
   */
  public String workerYaml(String name, List<String> endpoints, String extraYaml) {
    return """
        displayName: NAME
        description: a worker in a test
        tags: [test]
        masters: [%s]
        tls: {ca: ca.crt, certificate: NAME.crt, key: NAME.key}
        agentHeartbeatInterval: 200ms
        taskHeartbeatInterval: 300ms
        pollWait: 300ms
        shutdownGracePeriod: 5s
        taskLogFolder: NAME-tasks
        executionLogCacheFolder: NAME-cache
        """
            .formatted(endpoints.stream().collect(Collectors.joining(", ")))
            .replace("NAME", name)
        + extraYaml;
  }
}
