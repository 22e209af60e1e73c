package io.sluice.api.context;

/**
 * Events into the execution's messages, as every task raises them (SSIS's {@code Dts.Events}).
 * Sensitive values of the run are masked before the text leaves the worker.
 */
public interface Events {

  void information(String message);

  void warning(String message);

  /** An Error event; a task fails when its errors reach its maximum error count. */
  void error(String message);

  /** A Progress event, e.g. rows so far. */
  void progress(String message);
}
