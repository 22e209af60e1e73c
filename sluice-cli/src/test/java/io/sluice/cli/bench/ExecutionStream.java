package io.sluice.cli.bench;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.execution.CreateExecution;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;

/**
 * Keeps a bounded number of Scale Out executions of the ledger package in flight (retry count 3)
 * for as long as it runs. Catalog calls that fail (the catalog failing over) are tried again; an
 * execution counts as submitted only once its start is certain, so an execution created just before
 * the catalog died, and never started, is not mistaken for a lost one.
 */
final class ExecutionStream implements AutoCloseable {

  static final int RETRIES = 3;

  private static final String UNFINISHED =
      "select count(*) from execution where execution_id in (<ids>) and status not in (3, 4, 6, 7, 9)";

  private final Catalog catalog;
  private final Jdbi catalogJdbi;
  private final int inFlight;
  private final Set<Long> started = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private final ChaosCluster.Log log;

  ExecutionStream(Catalog catalog, Jdbi catalogJdbi, int inFlight, ChaosCluster.Log log) {
    this.catalog = catalog;
    this.catalogJdbi = catalogJdbi;
    this.inFlight = inFlight;
    this.log = log;
    this.thread = new Thread(this::submitWhileRunning, "chaos-stream");
    thread.setDaemon(true);
    thread.start();
  }

  private void submitWhileRunning() {
    while (running.get()) {
      try {
        if (unfinished() < inFlight) {
          submitOne();
        } else {
          Thread.sleep(50);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException catalogDown) {
        pause();
      }
    }
  }

  private long unfinished() {
    if (started.isEmpty()) {
      return 0;
    }
    return catalogJdbi.withHandle(
        h ->
            h.createQuery(UNFINISHED)
                .bindList("ids", List.copyOf(started))
                .mapTo(Long.class)
                .one());
  }

  private void submitOne() {
    long id =
        catalog
            .executions()
            .create(
                CreateExecution.of(
                        LedgerProject.FOLDER, LedgerProject.PROJECT, LedgerProject.PACKAGE)
                    .inScaleOut(true));
    while (running.get()) {
      try {
        catalog.executions().start(id, RETRIES);
        started.add(id);
        return;
      } catch (RuntimeException e) {
        // The start may have committed before the connection broke: ask before trying again.
        try {
          if (catalog.executions().get(id).status() != 1) {
            started.add(id);
            return;
          }
        } catch (RuntimeException stillDown) {
          // the catalog is failing over; try again
        }
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops submitting, then waits until every started execution ended (false at the limit). */
  boolean stopAndDrain(Duration limit) throws InterruptedException {
    running.set(false);
    thread.join();
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      try {
        long left = unfinished();
        if (left == 0) {
          return true;
        }
        if (System.nanoTime() > deadline) {
          log.line(left + " execution(s) still unfinished after " + limit);
          return false;
        }
      } catch (RuntimeException catalogDown) {
        // keep waiting
      }
      Thread.sleep(200);
    }
  }

  /** The executions whose start is certain. */
  Set<Long> started() {
    return Set.copyOf(started);
  }

  @Override
  public void close() {
    running.set(false);
    thread.interrupt();
  }
}
