package io.sluice.ftp;

import io.sluice.api.PluginException;
import io.sluice.api.settings.SettingValues;
import java.time.Duration;

/** Settings the ftp and sftp connection types read alike. */
final class ConnectionSettings {

  private ConnectionSettings() {}

  static int port(SettingValues s, int defaultPort) {
    long port = s.integer("port", defaultPort);
    if (port < 1 || port > 65535) {
      throw new PluginException(
          "port " + port + " is not a TCP port", "give a port from 1 to 65535");
    }
    return (int) port;
  }

  /** SSIS's Timeout in seconds (60 by default; 0, SSIS's "no time-out", waits 10 minutes). */
  static Duration timeout(SettingValues s) {
    long seconds = s.integer("timeout", 60);
    return Duration.ofSeconds(seconds <= 0 ? 600 : seconds);
  }
}
