package io.sluice.api.script;

/**
 * The class a Script task's Java implements (SSIS's {@code ScriptMain} with its {@code Main()}):
 *
 * <pre>{@code
 * import io.sluice.api.script.*;
 *
 * public class ScriptMain implements Script {
 *   public void main(Dts dts) {
 *     int count = dts.variables().get("User::Count", Integer.class);
 *     dts.variables().set("User::Count", count + 1);
 *     dts.taskResult(ScriptResults.SUCCESS);
 *   }
 * }
 * }</pre>
 *
 * <p>A new instance runs each execution of the task. The class needs a public constructor without
 * arguments; its name is the file's ({@code ScriptMain} for inline source).
 */
public interface Script {

  /**
   * Runs the script once. An exception fails the task (its message becomes the Error event), as
   * does {@code dts.taskResult(ScriptResults.FAILURE)}.
   */
  void main(Dts dts) throws Exception;
}
