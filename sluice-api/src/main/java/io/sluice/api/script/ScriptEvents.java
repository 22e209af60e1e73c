package io.sluice.api.script;

/**
 * SSIS's {@code Dts.Events}, with its methods' names and arguments (without the help file, help
 * context and {@code ref fireAgain} of COM). Every text is masked before it leaves the worker: a
 * sensitive value of the execution appears as {@code ********}.
 */
public interface ScriptEvents {

  /** {@code Dts.Events.FireInformation(code, subComponent, description, "", 0, ref fireAgain)}. */
  void fireInformation(int informationCode, String subComponent, String description);

  /** {@code Dts.Events.FireWarning(code, subComponent, description, "", 0)}. */
  void fireWarning(int warningCode, String subComponent, String description);

  /**
   * {@code Dts.Events.FireError(code, subComponent, description, "", 0)}: an Error event; the task
   * fails when its errors reach its maximum error count, as in SSIS.
   */
  void fireError(int errorCode, String subComponent, String description);

  /**
   * {@code Dts.Events.FireProgress(description, percentComplete, countLow, countHigh, subComponent,
   * ref fireAgain)}.
   */
  void fireProgress(String progressDescription, int percentComplete, String subComponent);
}
