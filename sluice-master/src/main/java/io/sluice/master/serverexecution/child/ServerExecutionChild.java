package io.sluice.master.serverexecution.child;

import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.runtime.CancellationToken;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process a master runs one server-mode execution's package in, as SSIS runs each catalog
 * execution in an ISServerExec.exe of its own: the project's code (Script tasks, plugins, the
 * {@code lib/} jars) loads here, never in the master. It knows no catalog: it reads a {@link
 * ChildRequest} as the first line of stdin, runs the package, writes {@link ChildLine}s on stdout
 * (the result last) and exits 0.
 *
 * <p>A later stdin line {@value ChildWire#STOP} cancels the run; so does stdin ending, which is the
 * master going away (killed with -9, too): the child then gives the package {@value
 * #ORPHAN_GRACE_MILLIS} ms to stop and ends anyway, so no child outlives its master for long.
 * Everything else written to stdout (a script's {@code System.out}, log lines) goes to stderr,
 * which the master logs, so nothing but protocol lines reaches the master's reader.
 */
public final class ServerExecutionChild {

  static final long ORPHAN_GRACE_MILLIS = 10_000;

  private ServerExecutionChild() {}

  public static void main(String[] args) throws IOException {
    PrintStream protocol =
        new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    System.setOut(System.err);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String first = in.readLine();
    if (first == null) {
      System.err.println("sluice: no run request on stdin; this process is started by a master");
      System.exit(2);
    }
    ChildRequest request = ChildWire.request(first);
    CancellationToken cancellation = new CancellationToken();
    Thread watch = new Thread(() -> watchStdin(in, cancellation), "sluice-master-stdin");
    watch.setDaemon(true);
    watch.start();

    StdoutSink sink = new StdoutSink(protocol);
    PackageRun run = new PackageRun(request);
    ChildLine.Result result;
    try {
      byte[] archive = Files.readAllBytes(Path.of(request.archive()));
      result = run.run(ProjectFiles.fromArchive(archive), sink, cancellation);
    } catch (IOException | RuntimeException e) {
      result =
          ChildLine.Result.couldNotRun(
              run.secrets().mask("cannot read the project archive: " + e.getMessage()));
    }
    sink.write(ChildLine.of(result));
    // Whatever the package left behind (a non-daemon thread of a plugin) must not keep it alive.
    System.exit(0);
  }

  private static void watchStdin(BufferedReader in, CancellationToken cancellation) {
    try {
      String line;
      while ((line = in.readLine()) != null) {
        if (ChildWire.STOP.equals(line.trim())) {
          cancellation.cancel();
        }
      }
    } catch (IOException closed) {
      // as the end of stdin
    }
    // The master is gone: nobody can store the run's events or stop it any more.
    cancellation.cancel();
    try {
      Thread.sleep(ORPHAN_GRACE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().halt(3);
  }
}
