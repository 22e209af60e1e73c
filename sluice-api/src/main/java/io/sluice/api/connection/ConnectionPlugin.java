package io.sluice.api.connection;

import io.sluice.api.settings.SettingValues;
import io.sluice.api.settings.SettingsSchema;

/**
 * A custom connection type, written as {@code type: NAME} of a connection manager. Register the
 * class in {@code META-INF/services/io.sluice.api.connection.ConnectionPlugin} and describe it in
 * {@code META-INF/sluice/plugins.yaml}. Tasks and components get what {@link #acquire} makes
 * through {@link io.sluice.api.context.Connections#acquire}.
 */
public interface ConnectionPlugin {

  /** The type name written as the connection manager's {@code type:}. */
  String name();

  SettingsSchema settings();

  /**
   * Makes the connection's object (a client, a session) from its settings, property expressions
   * applied; called once per task execution and connection, on first use.
   */
  Object acquire(SettingValues settings) throws Exception;

  /** Releases what {@link #acquire} made, when the task ends; closes it when it is closeable. */
  default void release(Object connection) throws Exception {
    if (connection instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
