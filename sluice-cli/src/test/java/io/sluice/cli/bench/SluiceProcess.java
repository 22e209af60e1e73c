package io.sluice.cli.bench;

import io.sluice.cli.SluiceCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code sluice master} or {@code sluice worker} as a real child JVM (the class path of this
 * one), that the chaos run kills with -9 and starts again. Its output is appended to one log file
 * across restarts.
 */
final class SluiceProcess {

  private final String name;
  private final List<String> command;
  private final Path log;
  private final String hostName;
  private Process process;
  private volatile boolean wanted;

  /**
   * @param hostName the HOSTNAME the process sees: packages read it as System::MachineName, so the
   *     ledger can tell which worker ran an attempt
   */
  SluiceProcess(String name, String heap, Path logback, Path log, String hostName, String... args) {
    this.name = name;
    this.log = log;
    this.hostName = hostName;
    this.command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-XX:TieredStopAtLevel=1"); // 9 JVMs on 2 cores: quick start over peak speed
    command.add("-Dlogback.configurationFile=" + logback.toAbsolutePath());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SluiceCommand.class.getName());
    command.addAll(List.of(args));
  }

  /**
   * A {@code sluice master} on 127.0.0.1, advertised as localhost, with 256 MB of heap: writes its
   * config to {@code dir/NAME.yaml} (TLS files and {@code catalog.key} relative to {@code dir},
   * under {@code certs}) and logs to {@code dir/NAME.log}. Not started yet.
   */
  static SluiceProcess master(
      String name,
      Path dir,
      String certs,
      int port,
      int managementPort,
      String catalogUrl,
      String catalogUser,
      Path logback) {
    Path config = dir.resolve(name + ".yaml");
    try {
      Files.writeString(
          config,
          """
          name: %s
          host: 127.0.0.1
          port: %d
          managementPort: %d
          advertisedAddress: localhost
          tls: {certificate: %smaster.crt, key: %smaster.key, ca: %sca.crt}
          catalog: {url: "%s", user: %s, keyFile: catalog.key}
          """
              .formatted(name, port, managementPort, certs, certs, certs, catalogUrl, catalogUser));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + config, e);
    }
    return new SluiceProcess(
        name,
        "256m",
        logback,
        dir.resolve(name + ".log"),
        name,
        "master",
        "--config",
        config.toString());
  }

  String name() {
    return name;
  }

  synchronized void start() {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(log.toFile()));
    builder.environment().put("HOSTNAME", hostName);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
    wanted = true;
  }

  /** kill -9; the process stays down until {@link #start()}. */
  synchronized void kill() {
    wanted = false;
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  synchronized boolean alive() {
    return process != null && process.isAlive();
  }

  /**
   * True when the process should run but exited by itself (a master that found no primary at start
   * gives up): the cluster's keeper starts it again.
   */
  synchronized boolean exitedOnItsOwn() {
    return wanted && process != null && !process.isAlive();
  }

  /** SIGTERM, a moment to stop, then -9: the end of the run. */
  synchronized void stop() {
    wanted = false;
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  Path log() {
    return log;
  }

  /** The running process's id, e.g. for kill -STOP. */
  synchronized long pid() {
    return process.pid();
  }
}
