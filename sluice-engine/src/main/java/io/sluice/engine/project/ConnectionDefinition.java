package io.sluice.engine.project;

import io.sluice.engine.plugin.BuiltInPlugins;
import java.util.Locale;
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
   * its expression may read a sensitive parameter, and its value is masked in messages. That is the
   * {@code password} of a jdbc connection and the {@code password} and {@code token} of the
   * connection types Sluice's own modules bring ({@link BuiltInPlugins}: smtp, ftp, sftp, http); a
   * project plugin's connection type has none, so a sensitive parameter never reaches code the
   * project brings through a connection setting.
   */
  public static boolean isSensitiveSetting(String type, String setting) {
    if (type == null || !("password".equals(setting) || "token".equals(setting))) {
      return false;
    }
    return ("jdbc".equals(type) && "password".equals(setting))
        || BuiltInPlugins.connectionPlugins().containsKey(type.toLowerCase(Locale.ROOT));
  }
}
