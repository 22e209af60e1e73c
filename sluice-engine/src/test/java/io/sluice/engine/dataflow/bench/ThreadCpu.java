package io.sluice.engine.dataflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time per data-flow thread during one pass, sampled every 20 ms (a component's thread ends
 * with the pass, so its last sample stands for it): shows which component a pass's CPU went to, and
 * the rest of the process (GC, JIT) as the difference to the process total.
 */
final class ThreadCpu {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Map<String, Long> lastCpu = new ConcurrentHashMap<>();
  private final Thread sampler;
  private volatile boolean running = true;

  private ThreadCpu() {
    sampler = new Thread(this::sampleUntilStopped, "bench-thread-cpu");
    sampler.setDaemon(true);
  }

  static ThreadCpu start() {
    ThreadCpu t = new ThreadCpu();
    t.sampler.start();
    return t;
  }

  private void sampleUntilStopped() {
    while (running) {
      for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
        if (info != null && info.getThreadName().startsWith("dataflow-")) {
          long cpu = THREADS.getThreadCpuTime(info.getThreadId());
          if (cpu > 0) {
            lastCpu.put(info.getThreadName() + "#" + info.getThreadId(), cpu);
          }
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  void stopAndPrint(long processCpuMillis) {
    running = false;
    sampler.interrupt();
    Map<String, Long> byName = new TreeMap<>();
    lastCpu.forEach((k, v) -> byName.merge(k.substring(0, k.indexOf('#')), v, Long::sum));
    long sum = 0;
    StringBuilder line = new StringBuilder("  cpu ms:");
    for (var e : byName.entrySet()) {
      long ms = e.getValue() / 1_000_000;
      sum += ms;
      line.append(' ').append(e.getKey().substring("dataflow-".length())).append('=').append(ms);
    }
    line.append(" other=").append(processCpuMillis - sum);
    System.out.println(line);
  }
}
