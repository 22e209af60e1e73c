package io.sluice.api.component;

import io.sluice.api.context.Cancellation;
import io.sluice.api.context.Connections;
import io.sluice.api.context.Events;
import io.sluice.api.context.Variables;

/** What a running component may use. */
public interface ComponentContext {

  String componentName();

  /** The package's variables; read-only inside a data flow, as in SSIS. */
  Variables variables();

  Connections connections();

  Events events();

  Cancellation cancellation();

  /** A file of the project by relative path, e.g. {@code scripts/Load/ScriptMain.java}, or null. */
  default byte[] projectFile(String path) {
    return null;
  }
}
