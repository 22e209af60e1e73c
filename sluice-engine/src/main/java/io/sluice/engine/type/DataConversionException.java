package io.sluice.engine.type;

/** A value cannot be converted to the requested data type (bad format or out of range). */
public final class DataConversionException extends RuntimeException {

  public DataConversionException(String message) {
    super(message);
  }
}
