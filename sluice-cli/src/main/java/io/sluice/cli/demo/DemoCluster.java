package io.sluice.cli.demo;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.CatalogContext;
import io.sluice.master.Master;
import io.sluice.master.config.MasterSettings;
import io.sluice.master.management.WorkerAgent;
import io.sluice.master.management.WorkerAgents;
import io.sluice.protocol.tls.CertificateAuthority;
import io.sluice.worker.Worker;
import io.sluice.worker.config.WorkerSettingsReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's Scale Out cluster in this process: a cluster CA and certificates under the demo folder
 * (made once, reused), one master, and workers that register, are enabled, and pull tasks over
 * mutual TLS exactly as separate processes would. Their config files stay in the demo folder as
 * examples to copy.
 */
final class DemoCluster implements AutoCloseable {

  private final Master master;
  private final List<Worker> workers = new ArrayList<>();
  private final Path folder;

  private DemoCluster(Master master, Path folder) {
    this.master = master;
    this.folder = folder;
  }

  static DemoCluster start(
      Path folder, Catalog catalog, CatalogContext context, List<String> workerNames) {
    Path certs = folder.resolve("certs");
    writeCertificates(certs, workerNames);
    int port = freePort(MasterSettings.DEFAULT_PORT);
    int managementPort = freePort(MasterSettings.DEFAULT_MANAGEMENT_PORT);
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
      cluster.enableWorkers(new WorkerAgents(context.database().jdbi()), workerNames);
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

  /** New workers register disabled (as in SSIS); the demo enables its own. */
  private void enableWorkers(WorkerAgents agents, List<String> names) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    List<String> pending = new ArrayList<>(names);
    while (!pending.isEmpty()) {
      for (WorkerAgent agent : agents.list()) {
        if (pending.remove(agent.displayName()) && !agent.enabled()) {
          agents.enable(agent.workerAgentId().toString());
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "demo workers " + pending + " did not register within 60 s");
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

  private static void writeCertificates(Path certs, List<String> workerNames) {
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
    for (String name : workerNames) {
      if (!Files.exists(certs.resolve(name + ".crt"))) {
        ca.issueClient(name, CertificateAuthority.DEFAULT_LEAF_VALIDITY).writePem(certs, name);
      }
    }
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
