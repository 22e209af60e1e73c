package org.example.sluice;

import io.sluice.api.settings.Setting;
import io.sluice.api.settings.SettingsSchema;
import io.sluice.api.task.PluginTask;
import io.sluice.api.task.TaskPlugin;
import io.sluice.api.task.TaskResult;
import io.sluice.api.task.TaskSetup;

/**
 * {@code type: Greet}: writes a greeting into a variable and says it in an Information event,
 * optionally with the value of another variable (e.g. a row count) appended.
 */
public final class GreetTask implements TaskPlugin {

  @Override
  public String name() {
    return "Greet";
  }

  @Override
  public SettingsSchema settings() {
    return SettingsSchema.of(
        Setting.text("greeting").required().describedAs("What to say, e.g. Hello"),
        Setting.text("variable").required().describedAs("The User variable to write it into"),
        Setting.text("countFrom").describedAs("A variable whose value is appended"),
        Setting.choice("style", "plain", "shout").describedAs("shout: in capitals"));
  }

  @Override
  public PluginTask prepare(TaskSetup setup) {
    String variable = setup.settings().text("variable");
    if (variable != null && !setup.hasVariable(variable)) {
      setup.problem("variable " + variable + " does not exist; declare it in the package");
    }
    String countFrom = setup.settings().text("countFrom");
    boolean shout = "shout".equals(setup.settings().text("style"));
    return context -> {
      String text = context.settings().text("greeting");
      if (countFrom != null) {
        text += ", " + context.variables().get(countFrom, String.class);
      }
      if (shout) {
        text = text.toUpperCase(java.util.Locale.ROOT);
      }
      context.variables().set(variable, text);
      context.events().information("Greet: " + text);
      return TaskResult.SUCCESS;
    };
  }
}
