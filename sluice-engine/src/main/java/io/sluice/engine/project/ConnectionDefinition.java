package io.sluice.engine.project;

import java.util.Map;

/**
 * A connection manager: a name, a type ({@code jdbc}, {@code flatFile}, {@code file}) and the
 * type's settings as written; the engine interprets the settings.
 *
 * @param expressions property expressions: setting name to SSIS expression, evaluated at run time
 */
public record ConnectionDefinition(
    String name,
    String type,
    String description,
    Map<String, Object> properties,
    Map<String, String> expressions,
    SourceLocation location) {

  public ConnectionDefinition withProperties(Map<String, Object> properties) {
    return new ConnectionDefinition(name, type, description, properties, expressions, location);
  }

  /**
   * Whether a setting holds a secret, as SSIS marks a connection manager's password sensitive: only
   * its expression may read a sensitive parameter, and its value is masked in messages. A setting
   * named {@code password} is one in every connection type (jdbc, ftp, sftp, smtp, a plugin's).
   */
  public static boolean isSensitiveSetting(String type, String setting) {
    return "password".equals(setting);
  }
}
