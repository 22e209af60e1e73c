package io.sluice.engine.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks a running package to stop. Whoever starts a run keeps the token and calls {@link #cancel()};
 * the engine stops scheduling, loops stop between iterations, and running work registered with
 * {@link #onCancel} (a JDBC statement, a child process) is interrupted at once.
 */
public final class CancellationToken {

  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

  public void cancel() {
    if (cancelled.compareAndSet(false, true)) {
      for (Runnable callback : callbacks) {
        try {
          callback.run();
        } catch (RuntimeException ignored) {
          // one failing callback (e.g. a statement already closed) must not keep others from
          // running
        }
      }
    }
  }

  public boolean isCancelled() {
    return cancelled.get();
  }

  /**
   * Runs {@code callback} when the run is cancelled (at once if it already is). Close the
   * registration when the work is over so the callback does not outlive it.
   */
  public Registration onCancel(Runnable callback) {
    callbacks.add(callback);
    if (cancelled.get()) {
      callback.run();
    }
    return () -> callbacks.remove(callback);
  }

  /** An {@link AutoCloseable} that does not throw. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
