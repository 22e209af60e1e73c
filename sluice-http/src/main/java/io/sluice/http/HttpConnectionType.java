package io.sluice.http;

import io.sluice.api.connection.ConnectionPlugin;
import io.sluice.api.settings.Setting;
import io.sluice.api.settings.SettingValues;
import io.sluice.api.settings.SettingsSchema;

/**
 * SSIS's HTTP Connection Manager ({@code type: http}): ServerURL, ServerUserName and
 * ServerPassword, ProxyURL and Timeout, plus what SSIS takes from Windows or does not offer: a
 * bearer (or API key) token, the certificates to trust and a pinned certificate. Nothing is opened
 * here: the task connects when it calls, so a server that cannot be reached fails the task that
 * needed it, with the URL in the message.
 */
final class HttpConnectionType implements ConnectionPlugin {

  static final String TYPE = "http";

  static final SettingsSchema SETTINGS =
      SettingsSchema.of(
          Setting.text("serverUrl")
              .required()
              .describedAs("The base URL the task's path is relative to (ServerURL)"),
          Setting.choice("authentication", Authentication.NAMES.toArray(String[]::new))
              .describedAs("none, basic, bearer or header; basic with a user, bearer with a token"),
          Setting.text("user").describedAs("User for basic authentication (ServerUserName)"),
          Setting.text("password")
              .describedAs("Its password (ServerPassword): a sensitive parameter's expression"),
          Setting.text("token")
              .describedAs("Bearer token or API key: a sensitive parameter's expression"),
          Setting.text("tokenHeader")
              .describedAs("With authentication: header, the header the token goes in as it is"),
          Setting.integer("timeout").describedAs("Seconds to wait for the server (Timeout); 30"),
          Setting.text("trustedCertificates")
              .describedAs("PEM file of the certificates to trust instead of the JVM's"),
          Setting.text("certificateFingerprint")
              .describedAs("The server's certificate, SHA-256 as openssl prints it"),
          Setting.text("proxyUrl").describedAs("An HTTP proxy, http://host:port (ProxyURL)"));

  @Override
  public String name() {
    return TYPE;
  }

  @Override
  public SettingsSchema settings() {
    return SETTINGS;
  }

  @Override
  public Object acquire(SettingValues settings) {
    return HttpEndpoint.of(settings);
  }
}
