package io.sluice.cli.demo;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogContext;
import io.sluice.cli.common.UsageException;
import io.sluice.master.Master;
import io.sluice.master.config.MasterSettings;
import io.sluice.master.management.WorkerAgent;
import io.sluice.master.management.WorkerAgents;
import io.sluice.protocol.tls.CertificateAuthority;
import io.sluice.protocol.tls.Fingerprints;
import io.sluice.protocol.tls.IssuedCertificate;
import io.sluice.protocol.tls.Pem;
import io.sluice.worker.Worker;
import io.sluice.worker.config.WorkerSettingsReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's Scale Out cluster in this process: a cluster CA and certificates under the demo folder
 * (made once, reused; a worker's is made again once its worker was removed), one master, and
 * workers that register, are enabled, and pull tasks over mutual TLS exactly as separate processes
 * would. Their config files stay in the demo folder as examples to copy.
 */
final class DemoCluster implements AutoCloseable {

  private final Master master;
  private final List<Worker> workers = new ArrayList<>();
  private final Path folder;

  private DemoCluster(Master master, Path folder) {
    this.master = master;
    this.folder = folder;
  }

  /** Starts the cluster; a line on {@code out} says when a worker certificate was replaced. */
  static DemoCluster start(
      Path folder,
      Catalog catalog,
      CatalogContext context,
      List<String> workerNames,
      Ports ports,
      PrintStream out) {
    Path certs = folder.resolve("certs");
    WorkerAgents agents = new WorkerAgents(context.database().jdbi());
    Map<String, String> names = writeCertificates(certs, workerNames, agents, out);
    int port = ports.worker() == null ? freePort(MasterSettings.DEFAULT_PORT) : ports.worker();
    int managementPort =
        ports.management() == null
            ? freePort(MasterSettings.DEFAULT_MANAGEMENT_PORT)
            : ports.management();
    Master master =
        Master.start(
            MasterSettings.defaults(
                    certs.resolve("master.crt"),
                    certs.resolve("master.key"),
                    certs.resolve("ca.crt"))
                .withPorts(port, managementPort),
            catalog,
            context);
    DemoCluster cluster = new DemoCluster(master, folder);
    try {
      for (String name : workerNames) {
        Path config = folder.resolve(name + ".yaml");
        write(config, workerYaml(name, port));
        Worker worker = new Worker(WorkerSettingsReader.read(config));
        cluster.workers.add(worker);
        worker.start();
      }
      cluster.enableWorkers(agents, names);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  int workerPort() {
    return master.workerPort();
  }

  int managementPort() {
    return master.managementPort();
  }

  Path folder() {
    return folder;
  }

  /**
   * New workers register disabled (as in SSIS); the demo enables its own, known by their
   * certificates' fingerprints ({@code fingerprint -> name}) as the catalog knows a worker: the
   * same display name may be that of a removed worker, or of another demo folder's worker.
   */
  private void enableWorkers(WorkerAgents agents, Map<String, String> names) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Map<String, String> pending = new LinkedHashMap<>(names);
    while (!pending.isEmpty()) {
      for (WorkerAgent agent : agents.list()) {
        if (pending.remove(agent.certificateFingerprint()) != null && !agent.enabled()) {
          agents.enable(agent.workerAgentId().toString());
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "demo workers " + pending.values() + " did not register within 60 s");
      }
      sleep(100);
    }
    for (Worker worker : workers) {
      while (!worker.enabled()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("a demo worker was not told it is enabled within 60 s");
        }
        sleep(100);
      }
    }
  }

  /**
   * Makes the CA and the certificates the demo folder lacks; answers its workers' fingerprints
   * ({@code fingerprint -> name}). The catalog refuses a removed worker's certificate for good, so
   * a worker certificate whose worker was removed is replaced.
   */
  private static Map<String, String> writeCertificates(
      Path certs, List<String> workerNames, WorkerAgents agents, PrintStream out) {
    CertificateAuthority ca;
    if (Files.exists(certs.resolve("ca.crt")) && Files.exists(certs.resolve("ca.key"))) {
      ca = CertificateAuthority.load(certs);
    } else {
      ca = CertificateAuthority.create("Sluice demo CA", CertificateAuthority.DEFAULT_CA_VALIDITY);
      ca.writePem(certs);
    }
    if (!Files.exists(certs.resolve("master.crt"))) {
      ca.issueServer(List.of("localhost", "127.0.0.1"), CertificateAuthority.DEFAULT_LEAF_VALIDITY)
          .writePem(certs, "master");
    }
    List<WorkerAgent> known = agents.list();
    Map<String, String> names = new LinkedHashMap<>();
    for (String name : workerNames) {
      Path certificate = certs.resolve(name + ".crt");
      String fingerprint = null;
      if (Files.exists(certificate)) {
        String existing = Fingerprints.sha256(Pem.readCertificates(certificate).get(0));
        Optional<WorkerAgent> removed =
            known.stream()
                .filter(a -> existing.equals(a.certificateFingerprint()))
                .filter(a -> a.removedTime() != null)
                .findFirst();
        if (removed.isEmpty()) {
          fingerprint = existing;
        } else {
          out.println(
              "  "
                  + name
                  + "'s certificate is that of removed worker "
                  + removed.get().workerAgentId()
                  + ": issued it a new one");
        }
      }
      if (fingerprint == null) {
        IssuedCertificate issued = ca.issueClient(name, CertificateAuthority.DEFAULT_LEAF_VALIDITY);
        issued.writePem(certs, name);
        fingerprint = issued.fingerprint();
      }
      names.put(fingerprint, name);
    }
    return names;
  }

  private static String workerYaml(String name, int port) {
    return """
        # A worker of sluice demo; every setting is described in docs/worker.md.
        displayName: %1$s
        description: demo worker
        tags: [demo]
        masters: [https://localhost:%2$d]
        tls: {ca: certs/ca.crt, certificate: certs/%1$s.crt, key: certs/%1$s.key}
        maxTaskCount: 4
        agentHeartbeatInterval: 2s
        pollWait: 5s
        taskLogFolder: %1$s/task-logs
        executionLogCacheFolder: %1$s/log-cache
        """
        .formatted(name, port);
  }

  /** The master's ports the user chose; null: the default, or any free port if it is taken. */
  record Ports(Integer worker, Integer management) {
    static Ports of(Integer worker, Integer management) {
      if (worker != null && worker.equals(management)) {
        throw new UsageException(
            "--port and --management-port are both " + worker,
            "give the master two different ports");
      }
      return new Ports(worker, management);
    }

    static Ports defaults() {
      return new Ports(null, null);
    }
  }

  private static int freePort(int preferred) {
    for (int candidate : new int[] {preferred, 0}) {
      try (ServerSocket socket = new ServerSocket(candidate)) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try the next
      }
    }
    throw new IllegalStateException("no free TCP port on this machine");
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    for (Worker worker : workers) {
      worker.shutdown();
    }
    for (Worker worker : workers) {
      worker.close();
    }
    master.close();
  }
}
