package io.sluice.api.script;

import io.sluice.api.context.Connections;
import io.sluice.api.context.Variables;

/** What Sluice gives a {@link ScriptComponent} before {@code preExecute}; not for scripts. */
public interface ScriptComponentContext {

  String componentName();

  Variables variables();

  Connections connections();

  ScriptEvents events();

  /** A source's output; null for a transformation or a destination. */
  ScriptOutput output();

  boolean cancelled();

  /** An asynchronous output by name ({@code Output} for a source's default), or null. */
  default ScriptOutput output(String name) {
    return null;
  }
}
