package io.sluice.api.task;

import io.sluice.api.settings.SettingsSchema;

/**
 * A custom task type, written as {@code type: NAME} in a package's control flow. Register the class
 * in {@code META-INF/services/io.sluice.api.task.TaskPlugin} and describe it in the jar's {@code
 * META-INF/sluice/plugins.yaml} (see {@link io.sluice.api.PluginDescriptor}). One instance serves
 * every run of the project version: keep no run state in fields.
 */
public interface TaskPlugin {

  /** The type name written as {@code type:}, e.g. {@code SendSlackMessage}. */
  String name();

  /** The settings the task takes; Sluice checks them before {@link #prepare} sees them. */
  SettingsSchema settings();

  /**
   * Checks what the schema cannot (a variable that must exist, two settings that exclude each
   * other) and returns the task ready to run. Called at validation and again before each execution;
   * report each problem with {@link TaskSetup#problem} rather than throwing, so the user sees them
   * all at once.
   */
  PluginTask prepare(TaskSetup setup);
}
