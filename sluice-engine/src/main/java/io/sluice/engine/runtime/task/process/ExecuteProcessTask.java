package io.sluice.engine.runtime.task.process;

import io.sluice.engine.runtime.CancellationToken;
import io.sluice.engine.runtime.task.Task;
import io.sluice.engine.runtime.task.TaskContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One Execute Process task, ready to run. */
final class ExecuteProcessTask implements Task {

  private final String executable;
  private final List<String> arguments;
  private final String workingDirectory;
  private final int successValue;
  private final boolean failOnOtherValue;
  private final int timeoutSeconds;
  private final String stdoutVariable;
  private final String stderrVariable;
  private final String stdinVariable;

  ExecuteProcessTask(
      String executable,
      List<String> arguments,
      String workingDirectory,
      int successValue,
      boolean failOnOtherValue,
      int timeoutSeconds,
      String stdoutVariable,
      String stderrVariable,
      String stdinVariable) {
    this.executable = executable;
    this.arguments = arguments;
    this.workingDirectory = workingDirectory;
    this.successValue = successValue;
    this.failOnOtherValue = failOnOtherValue;
    this.timeoutSeconds = timeoutSeconds;
    this.stdoutVariable = stdoutVariable;
    this.stderrVariable = stderrVariable;
    this.stdinVariable = stdinVariable;
  }

  @Override
  public void execute(TaskContext context) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    if (workingDirectory != null && !workingDirectory.isBlank()) {
      builder.directory(Path.of(workingDirectory).toFile());
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IOException("cannot start '" + executable + "': " + e.getMessage(), e);
    }
    try (var stdin = process.getOutputStream()) {
      if (stdinVariable != null) {
        // A process's standard input is not logged: the way to hand it a secret (as with
        // docker login --password-stdin), so a sensitive parameter may be read here.
        Object input = context.variables().sensitiveValue(stdinVariable);
        stdin.write(String.valueOf(input == null ? "" : input).getBytes(Charset.defaultCharset()));
      }
    } catch (IOException e) {
      // the program may exit without reading its input; that is its business
    }
    // read both streams while the process runs, or a chatty program blocks on a full pipe
    CompletableFuture<String> stdout = drain(process.getInputStream());
    CompletableFuture<String> stderr = drain(process.getErrorStream());
    boolean finished;
    try (CancellationToken.Registration r = context.cancellation().onCancel(() -> kill(process))) {
      finished =
          timeoutSeconds > 0 ? process.waitFor(timeoutSeconds, TimeUnit.SECONDS) : waitFor(process);
    } finally {
      if (process.isAlive()) {
        kill(process);
      }
    }
    if (context.cancellation().isCancelled()) {
      throw new InterruptedException("canceled; the process was killed");
    }
    if (!finished) {
      throw new IllegalStateException(
          "'" + executable + "' ran longer than the timeout of " + timeoutSeconds + " s; killed");
    }
    int exit = process.exitValue();
    if (stdoutVariable != null) {
      context.variables().set(stdoutVariable, stdout.join());
    }
    if (stderrVariable != null) {
      context.variables().set(stderrVariable, stderr.join());
    }
    if (failOnOtherValue && exit != successValue) {
      String err = stderr.join().strip();
      throw new IllegalStateException(
          "'"
              + executable
              + "' exited with "
              + exit
              + ", not the success value "
              + successValue
              + (err.isEmpty() ? "" : ": " + last(err, 500)));
    }
    context.information("'" + executable + "' exited with " + exit);
  }

  private static boolean waitFor(Process process) throws InterruptedException {
    process.waitFor();
    return true;
  }

  /** Kills the process and everything it started, so nothing outlives a cancelled run. */
  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** Reads a stream to its end on its own thread (not a shared pool: reads block). */
  private static CompletableFuture<String> drain(InputStream in) {
    CompletableFuture<String> result = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (in) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                result.complete(bytes.toString(Charset.defaultCharset()));
              } catch (IOException e) {
                result.completeExceptionally(new UncheckedIOException(e));
              }
            },
            "sluice-process-output");
    reader.setDaemon(true);
    reader.start();
    return result;
  }

  private static String last(String s, int max) {
    return s.length() <= max ? s : "..." + s.substring(s.length() - max);
  }
}
