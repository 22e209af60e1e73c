package io.sluice.worker.client;

/**
 * No master answered before the call's deadline (every endpoint refused the connection, timed out,
 * failed the TLS handshake, or answered "not ready"). Worth trying again later.
 */
public final class MasterUnavailableException extends MasterException {

  public MasterUnavailableException(String message, String hint) {
    super(message, hint);
  }
}
