package io.sluice.ftp;

import io.sluice.api.connection.ConnectionPlugin;
import io.sluice.api.settings.Setting;
import io.sluice.api.settings.SettingValues;
import io.sluice.api.settings.SettingsSchema;

/**
 * SSIS's FTP Connection Manager ({@code type: ftp}): ServerName, ServerPort, ServerUserName,
 * ServerPassword, UsePassiveMode, Timeout and ChunkSize. Passive mode is the default here, unlike
 * SSIS: a worker in a container or behind NAT cannot take the server's data connections. FTPS
 * ({@code encryption}) is a Sluice addition; its server certificate is checked as HTTPS's is, or
 * pinned ({@link CertificateCheck}).
 */
final class FtpConnectionType implements ConnectionPlugin {

  static final SettingsSchema SETTINGS =
      SettingsSchema.of(
          Setting.text("host").required().describedAs("the server's name or address (ServerName)"),
          Setting.integer("port").describedAs("the server's port (ServerPort); 21"),
          Setting.text("user").describedAs("the user name (ServerUserName); anonymous"),
          Setting.text("password").describedAs("the password (ServerPassword); sensitive"),
          Setting.bool("passive").describedAs("passive mode (UsePassiveMode); true"),
          Setting.integer("timeout").describedAs("seconds to wait for the server (Timeout); 60"),
          Setting.integer("chunkSize").describedAs("transfer buffer in KB (ChunkSize); 1"),
          Setting.choice("encryption", "none", "explicit", "implicit")
              .describedAs("FTPS: none, explicit (AUTH TLS) or implicit TLS; none"),
          Setting.text("certificateFingerprint")
              .describedAs("an FTPS server's certificate, SHA-256 as openssl prints it"));

  @Override
  public String name() {
    return "ftp";
  }

  @Override
  public SettingsSchema settings() {
    return SETTINGS;
  }

  @Override
  public Object acquire(SettingValues s) {
    Encryption encryption = Encryption.of(s.text("encryption"));
    return FtpFiles.open(
        s.text("host"),
        ConnectionSettings.port(s, encryption == Encryption.IMPLICIT ? 990 : 21),
        s.text("user"),
        s.text("password"),
        s.bool("passive", true),
        ConnectionSettings.timeout(s),
        (int) Math.max(1, Math.min(s.integer("chunkSize", 1), 1024)),
        encryption,
        s.text("certificateFingerprint"));
  }
}
