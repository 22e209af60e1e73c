package io.sluice.api.settings;

import java.util.List;
import java.util.Objects;

/**
 * One setting a plugin type takes: its name as written in YAML, its type, whether it must be given,
 * the values it allows (for {@link SettingType#CHOICE}), the connection type it names (for {@link
 * SettingType#CONNECTION}) and a description for people. Build with the static factories, then
 * {@link #required()} and {@link #describedAs(String)}.
 */
public record Setting(
    String name,
    SettingType type,
    boolean isRequired,
    List<String> allowedValues,
    String connectionType,
    String description) {

  public Setting {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    allowedValues = List.copyOf(allowedValues);
    description = description == null ? "" : description;
  }

  public static Setting text(String name) {
    return new Setting(name, SettingType.TEXT, false, List.of(), null, "");
  }

  public static Setting integer(String name) {
    return new Setting(name, SettingType.INTEGER, false, List.of(), null, "");
  }

  public static Setting bool(String name) {
    return new Setting(name, SettingType.BOOLEAN, false, List.of(), null, "");
  }

  public static Setting choice(String name, String... allowed) {
    return new Setting(name, SettingType.CHOICE, false, List.of(allowed), null, "");
  }

  public static Setting list(String name) {
    return new Setting(name, SettingType.LIST, false, List.of(), null, "");
  }

  public static Setting mapping(String name) {
    return new Setting(name, SettingType.MAPPING, false, List.of(), null, "");
  }

  /**
   * The name of a connection manager of {@code connectionType} (e.g. {@code jdbc}), or of one of
   * several types written with {@code |} between them (e.g. {@code ftp|sftp}).
   */
  public static Setting connection(String name, String connectionType) {
    return new Setting(name, SettingType.CONNECTION, false, List.of(), connectionType, "");
  }

  /** This setting, which must be given. */
  public Setting required() {
    return new Setting(name, type, true, allowedValues, connectionType, description);
  }

  public Setting describedAs(String text) {
    return new Setting(name, type, isRequired, allowedValues, connectionType, text);
  }
}
