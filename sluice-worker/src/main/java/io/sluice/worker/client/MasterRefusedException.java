package io.sluice.worker.client;

/**
 * A master answered and said no (4xx): this worker is unknown, disabled or removed (401/403), or
 * the request was wrong. Sending the same request again will not help.
 */
public final class MasterRefusedException extends MasterException {

  private final int status;

  public MasterRefusedException(int status, String message, String hint) {
    super(message, hint);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** True when the master does not accept this worker (unknown, disabled or removed). */
  public boolean workerNotAccepted() {
    return status == 401 || status == 403;
  }
}
