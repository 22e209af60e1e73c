package io.sluice.engine.runtime.variable;

/** A variable that does not exist, is read-only, or cannot hold the value given. */
public final class VariableException extends RuntimeException {

  public VariableException(String message) {
    super(message);
  }
}
