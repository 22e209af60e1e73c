package io.sluice.script;

import io.sluice.api.context.Connections;
import io.sluice.api.context.Events;
import io.sluice.api.context.Variables;
import io.sluice.api.script.Dts;
import io.sluice.api.script.ScriptEvents;
import io.sluice.api.script.ScriptResults;
import io.sluice.api.task.TaskContext;

/** The {@link Dts} of one execution of a Script task. */
final class ScriptDts implements Dts {

  private final TaskContext context;
  private final Variables variables;
  private volatile ScriptResults result = ScriptResults.SUCCESS;

  ScriptDts(TaskContext context, Variables variables) {
    this.context = context;
    this.variables = variables;
  }

  @Override
  public Variables variables() {
    return variables;
  }

  @Override
  public Connections connections() {
    return context.connections();
  }

  @Override
  public ScriptEvents events() {
    return events(context.events());
  }

  /** SSIS's event methods over the SDK's events (also a Script Component's). */
  static ScriptEvents events(Events events) {
    return new ScriptEvents() {
      @Override
      public void fireInformation(int informationCode, String subComponent, String description) {
        events.information(text(informationCode, subComponent, description));
      }

      @Override
      public void fireWarning(int warningCode, String subComponent, String description) {
        events.warning(text(warningCode, subComponent, description));
      }

      @Override
      public void fireError(int errorCode, String subComponent, String description) {
        events.error(text(errorCode, subComponent, description));
      }

      @Override
      public void fireProgress(
          String progressDescription, int percentComplete, String subComponent) {
        events.progress(text(0, subComponent, progressDescription) + " (" + percentComplete + "%)");
      }
    };
  }

  /** SSIS shows the sub-component and the code beside the text; so do the messages. */
  private static String text(int code, String subComponent, String description) {
    StringBuilder out = new StringBuilder();
    if (subComponent != null && !subComponent.isBlank()) {
      out.append(subComponent).append(": ");
    }
    out.append(description);
    if (code != 0) {
      out.append(" (code ").append(code).append(')');
    }
    return out.toString();
  }

  @Override
  public void taskResult(ScriptResults result) {
    this.result = result == null ? ScriptResults.FAILURE : result;
  }

  ScriptResults result() {
    return result;
  }

  @Override
  public boolean cancelled() {
    return context.cancellation().isCancelled();
  }

  @Override
  public String packageName() {
    return context.packageName();
  }

  @Override
  public String taskName() {
    return context.taskName();
  }
}
