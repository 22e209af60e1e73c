package io.sluice.cli.common;

import io.sluice.engine.runtime.CancellationToken;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C and SIGTERM while this process runs a package itself ({@code sluice run}, an in-process
 * {@code sluice execute}): the first Ctrl-C cancels the run, which then ends canceled and is
 * reported (and recorded in the catalog) like any other ending, exit code 1; a second Ctrl-C quits
 * at once (130).
 *
 * <p>Why a signal handler and not only a shutdown hook: once the JVM shuts down it exits as soon as
 * its hooks return, before the run's end is reported or written to the catalog, and while the
 * embedded catalog's own hook may be stopping the database under it (an execution then stayed 2
 * running for ever). SIGTERM (a service manager) still shuts the JVM down: the hook cancels the run
 * and waits up to {@value #TERM_WAIT_SECONDS} s for it to stop its statements and child processes.
 */
public final class Interruption implements AutoCloseable {

  private static final Signal INT = new Signal("INT");
  private static final int TERM_WAIT_SECONDS = 10;

  private final CancellationToken cancellation;
  private final CountDownLatch ended = new CountDownLatch(1);
  private final AtomicBoolean pressed = new AtomicBoolean();
  private final SignalHandler previous;
  private final Thread onTerm;

  private Interruption(CancellationToken cancellation) {
    this.cancellation = cancellation;
    this.previous = handleCtrlC();
    this.onTerm = new Thread(this::cancelAndWait, "sluice-run-cancel");
    Runtime.getRuntime().addShutdownHook(onTerm);
  }

  /** From now until {@link #close()}, Ctrl-C and SIGTERM cancel {@code cancellation}. */
  public static Interruption cancels(CancellationToken cancellation) {
    return new Interruption(cancellation);
  }

  /** Null when the JVM keeps SIGINT to itself (-Xrs): Ctrl-C then shuts down via the hook. */
  private SignalHandler handleCtrlC() {
    try {
      return Signal.handle(INT, this::ctrlC);
    } catch (IllegalArgumentException reservedByTheJvm) {
      return null;
    }
  }

  private void ctrlC(Signal signal) {
    if (pressed.getAndSet(true)) {
      System.exit(130);
    }
    System.err.println("sluice: canceling the run (Ctrl-C again quits at once)");
    cancellation.cancel();
  }

  private void cancelAndWait() {
    cancellation.cancel();
    try {
      ended.await(TERM_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The run has ended: Ctrl-C and SIGTERM do again what they did before. */
  @Override
  public void close() {
    ended.countDown();
    if (previous != null) {
      Signal.handle(INT, previous);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(onTerm);
    } catch (IllegalStateException shuttingDown) {
      // SIGTERM: the hook is running
    }
  }
}
