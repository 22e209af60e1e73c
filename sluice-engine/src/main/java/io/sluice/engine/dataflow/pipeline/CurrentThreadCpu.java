package io.sluice.engine.dataflow.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** CPU time of the calling thread: each component's thread reads its own as it ends. */
final class CurrentThreadCpu {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported();

  private CurrentThreadCpu() {}

  /** Nanoseconds of CPU this thread used, or 0 where the JVM cannot tell. */
  static long nanos() {
    return SUPPORTED ? Math.max(0, THREADS.getCurrentThreadCpuTime()) : 0;
  }
}
