package io.sluice.api.script;

/** SSIS's {@code ScriptResults} enum, for {@link Dts#taskResult(ScriptResults)}. */
public enum ScriptResults {
  SUCCESS,
  FAILURE
}
