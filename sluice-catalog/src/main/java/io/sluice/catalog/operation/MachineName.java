package io.sluice.catalog.operation;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name of this machine, recorded with every operation so users see where it came from. */
public final class MachineName {

  private static final String NAME = lookUp();

  private MachineName() {}

  public static String get() {
    return NAME;
  }

  private static String lookUp() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
