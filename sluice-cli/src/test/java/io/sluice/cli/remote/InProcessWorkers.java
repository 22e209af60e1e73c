package io.sluice.cli.remote;

import io.sluice.worker.Worker;
import io.sluice.worker.config.WorkerSettingsReader;
import java.nio.file.Path;

/** A real worker in the test's JVM, with timings short enough for tests. */
final class InProcessWorkers {

  private InProcessWorkers() {}

  /**
   * Starts worker {@code w1} (certificate {@code w1.crt}/{@code w1.key} and {@code ca.crt} in
   * {@code dir}) against the master's worker port; it registers itself disabled, as in SSIS.
   */
  static Worker startW1(Path dir, int masterWorkerPort) {
    Worker worker =
        new Worker(
            WorkerSettingsReader.parse(
                """
                displayName: w1
                masters: [https://localhost:%d]
                tls: {ca: ca.crt, certificate: w1.crt, key: w1.key}
                agentHeartbeatInterval: 200ms
                taskHeartbeatInterval: 300ms
                pollWait: 300ms
                leaseSafetyMargin: 1s
                taskLogFolder: w1-tasks
                executionLogCacheFolder: w1-cache
                """
                    .formatted(masterWorkerPort),
                dir));
    worker.start();
    return worker;
  }
}
