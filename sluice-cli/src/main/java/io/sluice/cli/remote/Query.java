package io.sluice.cli.remote;

import java.util.StringJoiner;

/** A URL query string of the parameters that are set: {@code ?folder=F&limit=100}, or nothing. */
final class Query {

  private final StringJoiner parts = new StringJoiner("&", "?", "").setEmptyValue("");

  /** Adds {@code name=value} unless the value is null. */
  Query with(String name, Object valueOrNull) {
    if (valueOrNull != null) {
      parts.add(name + "=" + MasterConnection.segment(valueOrNull.toString()));
    }
    return this;
  }

  @Override
  public String toString() {
    return parts.toString();
  }
}
