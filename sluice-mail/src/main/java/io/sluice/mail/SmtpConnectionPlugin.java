package io.sluice.mail;

import io.sluice.api.connection.ConnectionPlugin;
import io.sluice.api.settings.Setting;
import io.sluice.api.settings.SettingValues;
import io.sluice.api.settings.SettingsSchema;

/**
 * SSIS's SMTP connection manager ({@code type: smtp}): the server a Send Mail task sends through.
 * SSIS's SmtpServer, UseWindowsAuthentication and EnableSsl, plus what SSIS takes from Windows or
 * does not offer: a port, implicit TLS (SMTPS), a user and password, the certificates to trust and
 * a timeout. Nothing is opened here: the task connects when it sends, so a server that cannot be
 * reached fails the task that needed it, with the server's name in the message.
 */
final class SmtpConnectionPlugin implements ConnectionPlugin {

  static final String TYPE = "smtp";

  @Override
  public String name() {
    return TYPE;
  }

  @Override
  public SettingsSchema settings() {
    return SettingsSchema.of(
        Setting.text("smtpServer").required().describedAs("Host name or address (SmtpServer)"),
        Setting.integer("port").describedAs("Port; 25, or 465 with implicitTls"),
        Setting.bool("enableSsl")
            .describedAs("Require STARTTLS before anything else is sent (EnableSsl)"),
        Setting.bool("implicitTls").describedAs("Speak TLS from the first byte (SMTPS, port 465)"),
        Setting.bool("useWindowsAuthentication")
            .describedAs("SSIS's Windows authentication: not available, give user and password"),
        Setting.text("user").describedAs("User to authenticate as (AUTH)"),
        Setting.text("password").describedAs("Its password: a sensitive parameter's expression"),
        Setting.text("trustedCertificates")
            .describedAs("PEM file of the certificates to trust instead of the JVM's"),
        Setting.integer("timeout").describedAs("Seconds to wait for the server (100)"));
  }

  @Override
  public Object acquire(SettingValues settings) {
    return SmtpServer.of(settings);
  }
}
