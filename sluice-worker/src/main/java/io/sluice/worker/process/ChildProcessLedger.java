package io.sluice.worker.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps processes that packages started (ExecuteProcess and whatever those start) from outliving a
 * worker that is killed. A canceled package kills its processes itself; but when the worker JVM
 * dies at once (kill -9, out of memory killer, power to the JVM only), its children are re-parented
 * to init and keep running, possibly writing to the same outside systems as the attempt that
 * replaces them elsewhere.
 *
 * <p>So the worker writes the process id AND start time of each of its descendants to {@value
 * #FILE_NAME} in its own folder, every {@link #RECORD_INTERVAL_MILLIS} ms when they changed; the
 * next start of a worker on that folder kills every recorded process that is still alive with the
 * same start time (a recycled process id has another start time, so an unrelated process is never
 * touched), and that is not a descendant of the new worker itself. A child started less than one
 * interval before the worker died can escape; see docs/worker.md.
 *
 * <p>Listing descendants reads every process of the machine (/proc), so the worker looks only while
 * some attempt has run for at least one interval (a process started by a shorter one dies with its
 * cancellation or was never recorded anyway), or while the ledger still lists processes.
 */
public final class ChildProcessLedger {

  public static final String FILE_NAME = "child-processes";
  public static final long RECORD_INTERVAL_MILLIS = 500;

  private static final Logger log = LoggerFactory.getLogger(ChildProcessLedger.class);

  private final Path file;
  private String lastWritten = "";

  public ChildProcessLedger(Path folder) {
    this.file = folder.resolve(FILE_NAME);
  }

  public Path file() {
    return file;
  }

  /** A recorded process: its id, its start time (epoch ms) and its command, for the log. */
  record Entry(long pid, long startMillis, String command) {
    String line() {
      return pid + " " + startMillis + " " + command;
    }

    static Optional<Entry> parse(String line) {
      String[] parts = line.split(" ", 3);
      try {
        return Optional.of(
            new Entry(
                Long.parseLong(parts[0]),
                Long.parseLong(parts[1]),
                parts.length > 2 ? parts[2] : ""));
      } catch (RuntimeException malformed) {
        return Optional.empty();
      }
    }
  }

  /**
   * Kills what a previous run of a worker on this folder left running; returns how many. Call once
   * at start, before any task runs.
   */
  public int killLeftovers() {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException none) {
      return 0;
    } catch (IOException e) {
      log.warn("cannot read {}: {}", file, e.getMessage());
      return 0;
    }
    Set<Long> mine =
        ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    int killed = 0;
    for (String line : lines) {
      Optional<Entry> entry = Entry.parse(line);
      if (entry.isEmpty() || mine.contains(entry.get().pid())) {
        continue;
      }
      Optional<ProcessHandle> process = ProcessHandle.of(entry.get().pid());
      if (process.isPresent() && startMillis(process.get()) == entry.get().startMillis()) {
        log.warn(
            "killing process {} ({}), left running by a previous run of this worker",
            entry.get().pid(),
            entry.get().command());
        process.get().descendants().forEach(ProcessHandle::destroyForcibly);
        process.get().destroyForcibly();
        killed++;
      }
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("cannot delete {}: {}", file, e.getMessage());
    }
    return killed;
  }

  /** Whether the ledger lists processes (so a look is needed even with no task running). */
  public boolean holdsProcesses() {
    return !lastWritten.isEmpty();
  }

  /** Writes this worker's descendants now, if they changed since the last write. */
  public void record() {
    List<Entry> entries = new ArrayList<>();
    ProcessHandle.current()
        .descendants()
        .forEach(
            p -> {
              long start = startMillis(p);
              if (start > 0) {
                entries.add(new Entry(p.pid(), start, p.info().command().orElse("?")));
              }
            });
    Set<String> lines = new TreeSet<>();
    entries.forEach(e -> lines.add(e.line()));
    String text = String.join("\n", lines);
    if (text.equals(lastWritten)) {
      return;
    }
    try {
      if (text.isEmpty()) {
        Files.deleteIfExists(file);
      } else {
        Path next = file.resolveSibling(FILE_NAME + ".next");
        Files.writeString(next, text + "\n", StandardCharsets.UTF_8);
        try {
          Files.move(
              next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      lastWritten = text;
    } catch (IOException e) {
      log.warn("cannot record child processes in {}: {}", file, e.getMessage());
    }
  }

  private static long startMillis(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
  }
}
