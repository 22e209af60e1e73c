package io.sluice.worker.task;

import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.MessageType;
import io.sluice.protocol.worker.TaskAssignment;
import io.sluice.worker.spool.OwnerOnly;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The human-readable log of one attempt in the task log folder, for an operator on the worker
 * machine: one line per event, in a file only the worker's user can read ({@link OwnerOnly}), with
 * the execution's sensitive values masked by the sink that writes it. It is a convenience; if it
 * cannot be written the task still runs (its events go to the master through the spool either way).
 */
final class TaskLog implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TaskLog.class);

  private final Path file;
  private BufferedWriter writer; // null when the file could not be written

  private TaskLog(Path file, BufferedWriter writer) {
    this.file = file;
    this.writer = writer;
  }

  static TaskLog open(Path folder, TaskAssignment task) {
    Path file =
        folder.resolve(
            "execution-"
                + task.executionId()
                + "-task-"
                + task.taskId()
                + "-attempt-"
                + task.attempt()
                + ".log");
    try {
      OwnerOnly.createFolders(folder);
      // A FileOutputStream, not a channel: killing a package interrupts its threads, and an
      // interrupt would close a channel under the thread writing the log. The file is created
      // first, so that it exists readable by this user only before anything is written.
      BufferedWriter writer =
          new BufferedWriter(
              new OutputStreamWriter(
                  new FileOutputStream(OwnerOnly.newFile(file).toFile()), StandardCharsets.UTF_8));
      TaskLog taskLog = new TaskLog(file, writer);
      taskLog.line(
          Instant.now()
              + " execution "
              + task.executionId()
              + " task "
              + task.taskId()
              + " attempt "
              + task.attempt()
              + ": "
              + task.folder()
              + "/"
              + task.project()
              + "/"
              + task.packageName());
      return taskLog;
    } catch (IOException e) {
      log.warn("cannot write the task log {}: {}", file, e.getMessage());
      return new TaskLog(file, null);
    }
  }

  Path file() {
    return file;
  }

  synchronized void event(EngineEvent e) {
    line(
        e.time()
            + " "
            + pad(e.type().label())
            + " "
            + (e.sourceName() == null ? "" : "[" + e.sourceName() + "] ")
            + (e.subcomponent() == null ? "" : "[" + e.subcomponent() + "] ")
            + e.message());
  }

  synchronized void line(String text) {
    if (writer == null) {
      return;
    }
    try {
      writer.write(text);
      writer.newLine();
    } catch (IOException e) {
      failed(e);
    }
  }

  synchronized void flush() {
    if (writer != null) {
      try {
        writer.flush();
      } catch (IOException e) {
        failed(e);
      }
    }
  }

  private void failed(IOException e) {
    log.warn("task log {} cannot be written any more: {}", file, e.getMessage());
    try {
      writer.close();
    } catch (IOException ignored) {
      // already failing
    }
    writer = null;
  }

  private static String pad(String label) {
    int width = MessageType.VARIABLE_VALUE_CHANGED.label().length();
    return label.length() >= width ? label : label + " ".repeat(width - label.length());
  }

  @Override
  public synchronized void close() {
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException e) {
        log.warn("cannot close the task log {}: {}", file, e.getMessage());
      }
      writer = null;
    }
  }
}
