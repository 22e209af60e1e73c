package io.sluice.script;

import io.sluice.engine.plugin.BuiltInTaskPlugin;

/** Registers the Script task among the built-in task types (META-INF/services). */
public final class ScriptTaskType extends BuiltInTaskPlugin {

  public ScriptTaskType() {
    super(new ScriptTaskPlugin());
  }
}
