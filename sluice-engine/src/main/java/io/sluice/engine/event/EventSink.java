package io.sluice.engine.event;

/**
 * Where a run's events go: the terminal for {@code sluice run}, the catalog for server executions,
 * the worker's spool for scale out. Called from many threads at once; implementations are
 * thread-safe and must not block for long (buffer, then write in batches).
 */
public interface EventSink {

  void event(EngineEvent event);

  default void executableStatistic(ExecutableStatistic statistic) {}

  default void dataFlowStatistic(DataFlowStatistic statistic) {}

  /** A sink that keeps only what {@code level} admits. */
  static EventSink filtered(EventSink sink, LoggingLevel level) {
    return new EventSink() {
      @Override
      public void event(EngineEvent event) {
        if (level.admits(event.type())) {
          sink.event(event);
        }
      }

      @Override
      public void executableStatistic(ExecutableStatistic statistic) {
        if (level.keepsExecutableStatistics()) {
          sink.executableStatistic(statistic);
        }
      }

      @Override
      public void dataFlowStatistic(DataFlowStatistic statistic) {
        if (level.keepsDataFlowStatistics()) {
          sink.dataFlowStatistic(statistic);
        }
      }
    };
  }
}
