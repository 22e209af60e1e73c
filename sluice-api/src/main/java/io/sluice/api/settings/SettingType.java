package io.sluice.api.settings;

/** What a setting's value is, as written in the package YAML. */
public enum SettingType {
  /** A single value read as text (numbers and booleans too). */
  TEXT,
  /** A whole number. */
  INTEGER,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** One of {@link Setting#allowedValues()}, compared as written. */
  CHOICE,
  /** A list (items starting with {@code - }). */
  LIST,
  /** A mapping of keys to values. */
  MAPPING,
  /** The name of a connection manager of the package, of {@link Setting#connectionType()}. */
  CONNECTION;

  /** The word used for it in {@code META-INF/sluice/plugins.yaml}. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The type a descriptor word names, or null. */
  public static SettingType ofWord(String word) {
    for (SettingType t : values()) {
      if (t.word().equalsIgnoreCase(word)) {
        return t;
      }
    }
    return null;
  }
}
