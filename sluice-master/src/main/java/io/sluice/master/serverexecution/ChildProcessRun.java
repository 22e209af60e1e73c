package io.sluice.master.serverexecution;

import io.sluice.engine.event.MessageType;
import io.sluice.engine.event.SecretMask;
import io.sluice.engine.runtime.CancellationToken;
import io.sluice.master.serverexecution.child.ChildLine;
import io.sluice.master.serverexecution.child.ChildRequest;
import io.sluice.master.serverexecution.child.ChildWire;
import io.sluice.protocol.worker.EventBatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server-mode execution's package, run in a child process ({@link
 * io.sluice.master.serverexecution.child.ServerExecutionChild}) while this master keeps everything
 * of the catalog: the child's events and statistics go to {@code sink} as they arrive, its stderr
 * to this master's log (masked), and a canceled run is told to stop over the child's stdin, then
 * killed with its descendants if it has not ended within {@link ChildJvm#stopGrace()}. The programs
 * of a child that died are killed too ({@link Descendants}).
 */
final class ChildProcessRun {

  private static final Logger log = LoggerFactory.getLogger(ChildProcessRun.class);

  /**
   * How the child ended.
   *
   * @param result what the child reported last; null when it ended without a result (it died, or
   *     was killed)
   * @param exitCode the child's exit code
   */
  record Ended(ChildLine.Result result, int exitCode) {}

  private final ChildJvm jvm;

  ChildProcessRun(ChildJvm jvm) {
    this.jvm = jvm;
  }

  /**
   * Runs {@code request}'s package on {@code archive} in a new child and waits for it to end.
   *
   * @param secrets the execution's sensitive values, masked in what is logged here
   */
  Ended run(
      ChildRequest request,
      byte[] archive,
      CatalogEventSink sink,
      CancellationToken cancellation,
      SecretMask secrets) {
    long id = request.executionId();
    Path archiveFile = ownerOnlyFile(id);
    try {
      Files.write(archiveFile, archive);
      ChildRequest sent =
          new ChildRequest(
              archiveFile.toString(),
              id,
              request.attempt(),
              request.packageName(),
              request.loggingLevel(),
              request.parameters(),
              request.propertyOverrides());
      ProcessBuilder builder = new ProcessBuilder(jvm.command());
      ChildJvm.withoutSluiceVariables(builder.environment());
      Process child = builder.start();
      log.info("server execution {} runs in process {}", id, child.pid());
      Thread stderr = logStderr(id, child, secrets);
      OutputStream stdin = child.getOutputStream();
      write(stdin, ChildWire.line(sent));
      Descendants descendants = new Descendants(child);
      try (CancellationToken.Registration stop =
          cancellation.onCancel(() -> stop(id, child, stdin))) {
        ChildLine.Result result = read(id, child, sink, secrets);
        int exitCode = waitFor(id, child);
        stderr.join(1_000);
        if (result == null) {
          descendants.killLeftovers(id);
        }
        return new Ended(result, exitCode);
      } finally {
        descendants.close();
        closeQuietly(stdin);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the server-mode process of execution " + id + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while execution " + id + " ran", e);
    } finally {
      try {
        Files.deleteIfExists(archiveFile);
      } catch (IOException e) {
        log.warn("cannot delete {}: {}", archiveFile, e.getMessage());
      }
    }
  }

  /** Reads the child's lines until its stdout ends; returns its result, if it sent one. */
  private static ChildLine.Result read(
      long id, Process child, CatalogEventSink sink, SecretMask secrets) throws IOException {
    ChildLine.Result result = null;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String text;
      while ((text = out.readLine()) != null) {
        ChildLine line;
        try {
          line = ChildWire.childLine(text);
        } catch (RuntimeException notALine) {
          log.warn(
              "server execution {} wrote what is not a line for the master: {}",
              id,
              secrets.mask(text));
          continue;
        }
        if (line.event() != null) {
          sink.message(message(line.event()));
        } else if (line.executable() != null) {
          EventBatch.ExecutableStatistic s = line.executable();
          sink.executable(
              EventRows.executable(
                  s.executablePath(),
                  Instant.ofEpochMilli(s.startMillis()),
                  Instant.ofEpochMilli(s.endMillis()),
                  s.result(),
                  s.resultValue()));
        } else if (line.path() != null) {
          EventBatch.PathStatistic s = line.path();
          sink.path(
              EventRows.dataFlow(
                  s.packageName(),
                  s.taskName(),
                  s.pathName(),
                  s.sourceComponent(),
                  s.destinationComponent(),
                  s.rowsSent(),
                  Instant.ofEpochMilli(s.timeMillis())));
        } else if (line.result() != null) {
          result = line.result();
        }
      }
    }
    return result;
  }

  private static io.sluice.catalog.message.NewEventMessage message(EventBatch.Event e) {
    return EventRows.message(
        Instant.ofEpochMilli(e.timeMillis()),
        MessageType.fromCode(e.messageType()),
        e.packageName(),
        e.sourceName(),
        e.executionPath(),
        e.subcomponent(),
        e.message(),
        e.code(),
        e.threadId());
  }

  /** Its stdout ended: it is ending. One that does not within the grace is killed. */
  private int waitFor(long id, Process child) throws InterruptedException {
    if (!child.waitFor(jvm.stopGrace().toMillis(), TimeUnit.MILLISECONDS)) {
      kill(id, child);
      child.waitFor();
    }
    return child.exitValue();
  }

  /** Asks the child to stop; kills it (and what it started) if it has not ended in the grace. */
  private void stop(long id, Process child, OutputStream stdin) {
    try {
      write(stdin, ChildWire.STOP);
    } catch (IOException gone) {
      // it has ended already, or is ending: the kill below covers one that hangs
    }
    CompletableFuture.delayedExecutor(jvm.stopGrace().toMillis(), TimeUnit.MILLISECONDS)
        .execute(
            () -> {
              if (child.isAlive()) {
                log.warn(
                    "server execution {}: process {} did not stop within {} ms; killing it",
                    id,
                    child.pid(),
                    jvm.stopGrace().toMillis());
                kill(id, child);
              }
            });
  }

  /** Kills the child and its descendants (ExecuteProcess's programs), as a worker's ledger does. */
  private static void kill(long id, Process child) {
    ProcessHandle handle = child.toHandle();
    handle.descendants().forEach(ProcessHandle::destroyForcibly);
    handle.destroyForcibly();
    log.info("server execution {}: killed process {}", id, child.pid());
  }

  private static void write(OutputStream stdin, String line) throws IOException {
    synchronized (stdin) {
      stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    }
  }

  /**
   * The processes a child started (ExecuteProcess's programs and theirs), looked at every {@value
   * #LOOK_MILLIS} ms while it runs. A child that ends normally has ended them (a canceled package
   * kills its programs); one that died (killed, out of memory) could not, and they were re-parented
   * away from it: those still alive with the same start time (so never a recycled process id) are
   * killed, as a worker's ChildProcessLedger does after a crash. One started less than a look
   * before the child died can escape.
   */
  private static final class Descendants implements AutoCloseable {

    private static final long LOOK_MILLIS = 500;
    private static final ScheduledExecutorService LOOKS =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sluice-server-execution-descendants");
              t.setDaemon(true);
              return t;
            });

    private final Map<Long, Instant> seen = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> looking;

    Descendants(Process child) {
      looking =
          LOOKS.scheduleWithFixedDelay(
              () ->
                  child
                      .descendants()
                      .forEach(p -> p.info().startInstant().ifPresent(t -> seen.put(p.pid(), t))),
              LOOK_MILLIS,
              LOOK_MILLIS,
              TimeUnit.MILLISECONDS);
    }

    void killLeftovers(long id) {
      looking.cancel(false);
      seen.forEach(
          (pid, start) ->
              ProcessHandle.of(pid)
                  .filter(p -> p.info().startInstant().equals(Optional.of(start)))
                  .ifPresent(
                      p -> {
                        log.warn(
                            "server execution {}: killing process {} ({}), left running by its"
                                + " process that died",
                            id,
                            pid,
                            p.info().command().orElse("?"));
                        p.descendants().forEach(ProcessHandle::destroyForcibly);
                        p.destroyForcibly();
                      }));
    }

    @Override
    public void close() {
      looking.cancel(false);
    }
  }

  private static Thread logStderr(long id, Process child, SecretMask secrets) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader err =
                  new BufferedReader(
                      new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                  log.info("server execution {}: {}", id, secrets.mask(line));
                }
              } catch (IOException closed) {
                // the child ended
              }
            },
            "sluice-server-execution-stderr-" + id);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static Path ownerOnlyFile(long id) {
    try {
      String prefix = "sluice-execution-" + id + "-";
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        return Files.createTempFile(
            prefix,
            ".spac",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      return Files.createTempFile(prefix, ".spac"); // the user's own temp folder elsewhere
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the project of execution " + id + " for its process: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(OutputStream stdin) {
    try {
      stdin.close();
    } catch (IOException ignored) {
      // the child is gone
    }
  }
}
