package io.sluice.ftp;

import io.sluice.api.PluginException;
import io.sluice.api.connection.ConnectionPlugin;
import io.sluice.api.settings.Setting;
import io.sluice.api.settings.SettingValues;
import io.sluice.api.settings.SettingsSchema;
import java.nio.file.Path;

/**
 * An SFTP server ({@code type: sftp}), which SSIS has no connection manager for: what teams use in
 * place of FTP now. Password or private key authentication; the host key must be pinned ({@code
 * hostKeyFingerprint}) or known ({@code knownHostsFile}), see {@link HostKeyCheck}.
 */
final class SftpConnectionType implements ConnectionPlugin {

  static final SettingsSchema SETTINGS =
      SettingsSchema.of(
          Setting.text("host").required().describedAs("the server's name or address"),
          Setting.integer("port").describedAs("the server's SSH port; 22"),
          Setting.text("user").required().describedAs("the user name"),
          Setting.text("password").describedAs("the password; sensitive"),
          Setting.text("privateKeyFile")
              .describedAs("an OpenSSH or PEM private key file, without passphrase"),
          Setting.text("hostKeyFingerprint")
              .describedAs("the server's host key, SHA256:... as ssh-keygen -l prints it"),
          Setting.text("knownHostsFile").describedAs("an OpenSSH known_hosts file to trust"),
          Setting.integer("timeout").describedAs("seconds to wait for the server; 60"));

  @Override
  public String name() {
    return "sftp";
  }

  @Override
  public SettingsSchema settings() {
    return SETTINGS;
  }

  @Override
  public Object acquire(SettingValues s) {
    String host = s.text("host");
    int port = ConnectionSettings.port(s, 22);
    // neither given: every host key is refused, once the server has shown it so the message can
    // name it (HostKeyCheck)
    String fingerprint = s.text("hostKeyFingerprint");
    String knownHosts = s.text("knownHostsFile");
    String key = s.text("privateKeyFile");
    String password = s.text("password");
    if ((key == null || key.isBlank()) && (password == null || password.isEmpty())) {
      throw new PluginException(
          "the sftp connection to "
              + host
              + ":"
              + port
              + " has neither password nor privateKeyFile",
          "give one: password (from a sensitive parameter) or privateKeyFile");
    }
    return SftpFiles.open(
        host,
        port,
        s.text("user"),
        password,
        key == null || key.isBlank() ? null : Path.of(key),
        new HostKeyCheck(
            fingerprint, knownHosts == null || knownHosts.isBlank() ? null : Path.of(knownHosts)),
        ConnectionSettings.timeout(s));
  }
}
