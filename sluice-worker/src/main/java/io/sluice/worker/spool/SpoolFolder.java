package io.sluice.worker.spool;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.protocol.worker.RunningAttempt;
import io.sluice.protocol.worker.TaskResult;
import io.sluice.worker.client.MasterClient;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execution log cache folder (SSIS's ExecutionLogCacheFolder): one append-only file per task
 * attempt, {@code task-<taskId>-attempt-<n>.spool}, readable by the worker's user only ({@link
 * OwnerOnly}). Opening it checks that it can be written, so a wrong folder is reported when the
 * worker starts, not when the first task logs.
 */
public final class SpoolFolder {

  private static final Logger log = LoggerFactory.getLogger(SpoolFolder.class);
  static final String SUFFIX = ".spool";

  private final Path folder;
  private final ObjectMapper json = MasterClient.objectMapper();

  private SpoolFolder(Path folder) {
    this.folder = folder;
  }

  /**
   * Opens (creating) the folder and proves it writable.
   *
   * @throws SpoolWriteException it cannot be created or written
   */
  public static SpoolFolder open(Path folder) {
    String hint =
        "set executionLogCacheFolder in worker.yaml to a folder this user can write, on a disk"
            + " with room (it holds the logs of running tasks until a master takes them)";
    try {
      OwnerOnly.createFolders(folder);
    } catch (FileAlreadyExistsException e) {
      throw new SpoolWriteException(
          "the execution log cache folder " + folder + " is a file, not a folder", hint, e);
    } catch (IOException e) {
      throw new SpoolWriteException(
          "cannot create the execution log cache folder " + folder + ": " + describe(e), hint, e);
    }
    Path probe = folder.resolve(".write-check");
    try (FileChannel channel = OwnerOnly.newChannel(probe)) {
      channel.write(ByteBuffer.wrap(new byte[] {'o', 'k', '\n'}));
      channel.force(false);
    } catch (IOException e) {
      throw new SpoolWriteException(
          "cannot write in the execution log cache folder " + folder + ": " + describe(e), hint, e);
    } finally {
      try {
        Files.deleteIfExists(probe);
      } catch (IOException ignored) {
        // a leftover probe file is harmless
      }
    }
    return new SpoolFolder(folder);
  }

  public Path path() {
    return folder;
  }

  /**
   * A new spool for an attempt that starts now. If its file cannot be created the spool works in
   * memory and every write reports the problem.
   */
  public AttemptSpool create(RunningAttempt attempt, long executionId) {
    Path file = folder.resolve(fileName(attempt));
    long now = System.currentTimeMillis();
    try {
      FileChannel channel = OwnerOnly.newChannel(file);
      byte[] header =
          json.writeValueAsBytes(
              SpoolRecord.header(attempt.taskId(), executionId, attempt.attempt(), now));
      channel.write(ByteBuffer.wrap(header));
      channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
      channel.force(false);
      return new AttemptSpool(file, attempt, executionId, now, json, channel);
    } catch (IOException e) {
      throw new SpoolWriteException(
          "cannot write the execution log cache file " + file + ": " + describe(e),
          "free disk space in " + folder + ", or point executionLogCacheFolder at a writable disk",
          e);
    }
  }

  /**
   * A spool that keeps everything in memory: for an attempt whose file could not be created, so its
   * failure can still be reported.
   */
  public AttemptSpool inMemory(RunningAttempt attempt, long executionId) {
    return new AttemptSpool(
        folder.resolve(fileName(attempt)),
        attempt,
        executionId,
        System.currentTimeMillis(),
        json,
        null);
  }

  /**
   * The spools a previous run of this worker left: their batches are delivered in order before
   * anything else about them. An attempt that has no result was cut short by the worker stopping (a
   * crash or kill); it gets a FAILED result saying so, after its last batch.
   */
  public List<AttemptSpool> recover() {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
      dir.forEach(files::add);
    } catch (IOException e) {
      throw new SpoolWriteException(
          "cannot list the execution log cache folder " + folder + ": " + describe(e),
          "check its permissions",
          e);
    }
    files.sort(Comparator.comparing(SpoolFolder::modified));
    List<AttemptSpool> spools = new ArrayList<>();
    for (Path file : files) {
      AttemptSpool spool = recover(file);
      if (spool != null && !spool.isDone()) {
        spools.add(spool);
      }
    }
    return spools;
  }

  private AttemptSpool recover(Path file) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      log.warn("cannot read spool file {}: {}; left in place", file, e.getMessage());
      return null;
    }
    List<SpoolRecord> records = new ArrayList<>();
    int start = 0;
    int good = 0; // bytes up to the end of the last complete, readable line
    while (start < content.length) {
      int end = start;
      while (end < content.length && content[end] != '\n') {
        end++;
      }
      if (end == content.length) {
        break; // a partial last line: the worker died while writing it; that write never returned
      }
      try {
        records.add(json.readValue(content, start, end - start, SpoolRecord.class));
      } catch (IOException e) {
        log.warn("spool file {} is damaged at byte {}; reading stops there", file, start);
        break;
      }
      start = end + 1;
      good = start;
    }
    if (records.isEmpty() || records.get(0).kind() != SpoolRecord.Kind.HEADER) {
      log.warn("spool file {} has no header; deleted", file);
      deleteQuietly(file);
      return null;
    }
    AttemptSpool spool = reopen(file, records.get(0), good);
    if (spool == null) {
      return null;
    }
    records.stream().skip(1).forEach(spool::restore);
    if (spool.isDone()) {
      spool.discard();
      return null;
    }
    if (!spool.hasResult()) {
      spool.finish(
          TaskResult.Outcome.FAILED,
          1,
          "the worker stopped (crash, kill or power loss) while this attempt ran");
    }
    return spool;
  }

  private AttemptSpool reopen(Path file, SpoolRecord header, long goodLength) {
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
      channel.truncate(goodLength); // drop a partial line so the next record starts cleanly
      channel.position(goodLength);
      return new AttemptSpool(
          file,
          new RunningAttempt(header.taskId(), header.attempt()),
          header.executionId(),
          header.createdMillis(),
          json,
          channel);
    } catch (IOException e) {
      log.warn("cannot reopen spool file {}: {}", file, e.getMessage());
      return null;
    }
  }

  static String fileName(RunningAttempt attempt) {
    return "task-" + attempt.taskId() + "-attempt-" + attempt.attempt() + SUFFIX;
  }

  private static java.nio.file.attribute.FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return java.nio.file.attribute.FileTime.fromMillis(0);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // left for the next start
    }
  }

  private static String describe(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "a folder on the path does not exist";
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage();
  }
}
