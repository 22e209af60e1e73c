package io.sluice.engine.dataflow.pipeline;

import io.sluice.engine.dataflow.CancellationCheck;
import io.sluice.engine.dataflow.DataFlowEnvironment;
import io.sluice.engine.dataflow.DataFlowResult;
import io.sluice.engine.dataflow.DataFlowResult.ComponentStatistics;
import io.sluice.engine.dataflow.DataFlowResult.Outcome;
import io.sluice.engine.dataflow.DataFlowResult.PathStatistics;
import io.sluice.engine.event.MessageType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs wired components, each on its own thread, until every one has finished, one has failed or
 * the run is cancelled. A failure or cancellation interrupts every thread, so components blocked on
 * a full or empty path stop at once.
 */
public final class Pipeline {

  private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final List<RuntimeNode> nodes;
  private final List<Pipe> pipes;
  private final DataFlowEnvironment environment;
  private final EventReporter events;
  private final int bufferRows;
  private final String failurePrefix;

  Pipeline(
      List<RuntimeNode> nodes,
      List<Pipe> pipes,
      DataFlowEnvironment environment,
      EventReporter events,
      int bufferRows,
      String failurePrefix) {
    this.nodes = nodes;
    this.pipes = pipes;
    this.environment = environment;
    this.events = events;
    this.bufferRows = bufferRows;
    this.failurePrefix = failurePrefix;
  }

  public DataFlowResult run(CancellationCheck cancellation) {
    long start = System.nanoTime();
    RunState state =
        new RunState(() -> cancellation.isCancelled() || environment.cancellation().isCancelled());
    CountDownLatch done = new CountDownLatch(nodes.size());
    List<Thread> threads = new ArrayList<>();
    long[] activeNanos = new long[nodes.size()];
    long[] cpuNanos = new long[nodes.size()];
    events.event(MessageType.INFORMATION, null, "Execute phase is beginning.");
    for (int i = 0; i < nodes.size(); i++) {
      int index = i;
      RuntimeNode node = nodes.get(i);
      NodeIo io = new NodeIo(node, state, environment, events, bufferRows);
      Thread thread =
          new Thread(
              () -> {
                long begin = System.nanoTime();
                try {
                  node.runtime().run(io);
                  io.finish();
                } catch (Throwable t) {
                  if (!(t instanceof InterruptedException || t instanceof CancellationException)
                      || !state.stopping()) {
                    if (state.fail(node.name(), t)) {
                      interruptAll(threads);
                    }
                  }
                } finally {
                  activeNanos[index] = System.nanoTime() - begin - io.waitingNanos();
                  cpuNanos[index] = CurrentThreadCpu.nanos();
                  done.countDown();
                }
              },
              "dataflow-" + node.name());
      thread.setDaemon(true);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
    waitForAll(state, done, threads);
    return result(state, start, activeNanos, cpuNanos);
  }

  private void waitForAll(RunState state, CountDownLatch done, List<Thread> threads) {
    long nextProgress = System.nanoTime() + PROGRESS_EVERY_NANOS;
    boolean interrupted = false;
    try {
      while (!done.await(50, TimeUnit.MILLISECONDS)) {
        if (!interrupted && state.stopping()) {
          state.cancel();
          interruptAll(threads);
          interrupted = true;
        }
        if (System.nanoTime() > nextProgress) {
          nextProgress += PROGRESS_EVERY_NANOS;
          events.event(MessageType.PROGRESS, null, progress());
        }
      }
    } catch (InterruptedException e) {
      // The caller's thread was interrupted: treat it as a cancellation and still wait for ours.
      state.cancel();
      interruptAll(threads);
      Thread.currentThread().interrupt();
      threads.forEach(Pipeline::joinQuietly);
    }
  }

  private static synchronized void interruptAll(List<Thread> threads) {
    for (Thread t : threads) {
      if (t != Thread.currentThread()) {
        t.interrupt();
      }
    }
  }

  private static void joinQuietly(Thread t) {
    try {
      t.join(10_000);
    } catch (InterruptedException ignored) {
      // already cancelling
    }
  }

  private String progress() {
    StringBuilder text = new StringBuilder("Rows so far:");
    for (Pipe p : pipes) {
      text.append(' ').append(p.name).append('=').append(p.rows());
    }
    return text.toString();
  }

  private DataFlowResult result(RunState state, long start, long[] activeNanos, long[] cpuNanos) {
    List<PathStatistics> paths = new ArrayList<>();
    for (Pipe p : pipes) {
      paths.add(new PathStatistics(p.name, p.from, p.to, p.rows(), p.maxQueued()));
      events.pathRows(p.name, p.from, p.to, p.rows());
    }
    List<ComponentStatistics> components = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      RuntimeNode n = nodes.get(i);
      Duration active = Duration.ofNanos(Math.max(0, activeNanos[i]));
      Duration cpu = Duration.ofNanos(Math.max(0, cpuNanos[i]));
      components.add(new ComponentStatistics(n.name(), n.type(), active, cpu));
      events.event(
          MessageType.INFORMATION,
          n.name(),
          "Component \"" + n.name() + "\" was active for " + active.toMillis() + " ms.");
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    RunState.Failure failure = state.failure();
    if (failure != null) {
      String message =
          failurePrefix
              + ", component '"
              + failure.component()
              + "' failed: "
              + describe(failure.cause());
      events.event(MessageType.ERROR, failure.component(), message);
      return new DataFlowResult(
          Outcome.FAILED, elapsed, paths, components, message, failure.cause());
    }
    if (state.cancelled()) {
      events.event(MessageType.WARNING, null, "The data flow was cancelled.");
      return new DataFlowResult(
          Outcome.CANCELLED, elapsed, paths, components, failurePrefix + " was cancelled", null);
    }
    return new DataFlowResult(Outcome.SUCCEEDED, elapsed, paths, components, null, null);
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null ? t.getClass().getSimpleName() : message;
  }
}
