package io.sluice.api.component;

import io.sluice.api.settings.SettingsSchema;

/**
 * A custom data-flow component, written as {@code type: NAME} in a DataFlow task's components.
 * Register the class in {@code META-INF/services/io.sluice.api.component.ComponentPlugin} and
 * describe it in the jar's {@code META-INF/sluice/plugins.yaml}. One instance serves every run:
 * {@link #plan} makes a new {@link ComponentRuntime} for each.
 */
public interface ComponentPlugin {

  /** The type name written as {@code type:}, e.g. {@code MaskEmail}. */
  String name();

  ComponentKind kind();

  /**
   * The component's own settings. Every component also has {@code name}, {@code type} and {@code
   * input}; a transformation also {@code onError} (fail, ignore, redirect), which decides what
   * happens to a row whose {@link ComponentRuntime#processInputRow} throws {@link RowException}.
   */
  SettingsSchema settings();

  /**
   * Checks the settings against the input's columns, declares the columns it adds and returns the
   * runtime. Called when the flow is validated and again before each run; throw {@link
   * io.sluice.api.PluginException} naming what is wrong. Nothing may move rows yet.
   */
  ComponentRuntime plan(ComponentSetup setup);
}
