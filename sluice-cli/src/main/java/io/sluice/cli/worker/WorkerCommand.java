package io.sluice.cli.worker;

import io.sluice.cli.common.UsageException;
import io.sluice.protocol.tls.TlsSetupException;
import io.sluice.worker.Worker;
import io.sluice.worker.config.WorkerSettings;
import io.sluice.worker.config.WorkerSettingsException;
import io.sluice.worker.config.WorkerSettingsReader;
import io.sluice.worker.spool.SpoolWriteException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sluice worker --config worker.yaml}: runs a Scale Out worker until SIGTERM or Ctrl-C,
 * which shut it down gracefully (no new task; running ones get the grace period, then are canceled
 * and their results delivered).
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      // the first line is the summary `sluice --help` lists: a whole sentence
      "Run a Scale Out worker: it pulls tasks from the masters and runs their packages.",
      "It registers with the masters; a new worker starts disabled until sluice workers enable",
      "ID. See docs/worker.md."
    })
public final class WorkerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      defaultValue = "worker.yaml",
      description = "The worker settings (default: ${DEFAULT-VALUE}).")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Worker worker = open();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              out.println("stopping: no new tasks; waiting for running ones...");
              out.flush();
              worker.shutdown();
              stopped.countDown();
            },
            "sluice-worker-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    worker.start();
    out.println(
        "worker started; masters "
            + WorkerSettingsReader.read(config).masters()
            + ". Ctrl-C or SIGTERM stops it gracefully.");
    out.flush();
    stopped.await();
    return 0;
  }

  private Worker open() {
    try {
      WorkerSettings settings = WorkerSettingsReader.read(config);
      return new Worker(settings);
    } catch (WorkerSettingsException e) {
      throw new UsageException(e.getMessage(), e.hint());
    } catch (TlsSetupException e) {
      throw new UsageException(e.getMessage(), e.hint());
    } catch (SpoolWriteException e) {
      throw new UsageException(e.getMessage(), e.hint());
    }
  }
}
