package io.sluice.engine.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sensitive values of one execution, and the masking of them in every text that leaves it:
 * event messages, exception messages, result messages, log lines. Validation already keeps
 * sensitive parameters out of anything that is not itself sensitive (SSIS's rule); this is the
 * defence behind it, for what validation cannot see: a JDBC driver that quotes its password in an
 * error, a child process that echoes its standard input, a task from a project's {@code lib/}.
 *
 * <p>Each occurrence of a value becomes {@value #MASK}. Values shorter than {@value #MIN_LENGTH}
 * characters are not masked: a sensitive {@code 1} or {@code no} would hide every digit or word of
 * that spelling in every message, making logs unreadable while protecting nothing a guess would not
 * find. Longer values are masked longest first, so a value that contains another is hidden whole.
 *
 * <p>Thread-safe: values may be added while the run's threads mask.
 */
public final class SecretMask {

  /** What a sensitive value is replaced with. */
  public static final String MASK = "********";

  /** The shortest value masked, in characters. */
  public static final int MIN_LENGTH = 4;

  /** Longest first; replaced whole on each change, so masking reads it without a lock. */
  private volatile List<String> values = List.of();

  /** Adds a sensitive value (its text, for a value that is not a string); null is ignored. */
  public synchronized SecretMask add(Object value) {
    if (value == null) {
      return this;
    }
    String text = String.valueOf(value);
    if (text.length() < MIN_LENGTH || values.contains(text)) {
      return this;
    }
    List<String> more = new ArrayList<>(values);
    more.add(text);
    more.sort(Comparator.comparingInt(String::length).reversed());
    values = List.copyOf(more);
    return this;
  }

  /** {@code text} with every sensitive value replaced by {@value #MASK}; null stays null. */
  public String mask(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String value : values) {
      if (result.contains(value)) {
        result = result.replace(value, MASK);
      }
    }
    return result;
  }

  /**
   * {@code failure} itself when its messages (its own and its causes') hold no sensitive value;
   * otherwise an exception of the same stack whose message is the masked one and that has no cause,
   * so neither a log nor a caller printing it sees the value.
   */
  public RuntimeException maskFailure(RuntimeException failure) {
    if (!revealsValue(failure)) {
      return failure;
    }
    IllegalStateException masked =
        new IllegalStateException(mask(String.valueOf(failure.getMessage())));
    masked.setStackTrace(failure.getStackTrace());
    return masked;
  }

  /** {@link #maskFailure(RuntimeException)} for any throwable, e.g. an error a worker logs. */
  public Throwable maskFailure(Throwable failure) {
    if (failure instanceof RuntimeException e) {
      return maskFailure(e);
    }
    if (!revealsValue(failure)) {
      return failure;
    }
    IllegalStateException masked =
        new IllegalStateException(
            failure.getClass().getName() + ": " + mask(String.valueOf(failure.getMessage())));
    masked.setStackTrace(failure.getStackTrace());
    return masked;
  }

  private boolean revealsValue(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.equals(mask(message))) {
        return true;
      }
    }
    return false;
  }

  /** {@code event} itself when its message holds no sensitive value, else a masked copy. */
  public EngineEvent maskEvent(EngineEvent e) {
    String message = mask(e.message());
    return message == e.message()
        ? e
        : new EngineEvent(
            e.time(),
            e.type(),
            e.packageName(),
            e.sourceName(),
            e.executionPath(),
            e.subcomponent(),
            message,
            e.code(),
            e.threadId());
  }

  /** A sink that masks each event's message before {@code sink} sees it. */
  public EventSink masking(EventSink sink) {
    return new EventSink() {
      @Override
      public void event(EngineEvent e) {
        sink.event(maskEvent(e));
      }

      @Override
      public void executableStatistic(ExecutableStatistic statistic) {
        sink.executableStatistic(statistic);
      }

      @Override
      public void dataFlowStatistic(DataFlowStatistic statistic) {
        sink.dataFlowStatistic(statistic);
      }
    };
  }
}
