package io.sluice.mail;

import io.sluice.api.settings.Setting;
import io.sluice.api.settings.SettingValues;
import io.sluice.api.settings.SettingsSchema;
import io.sluice.api.task.PluginTask;
import io.sluice.api.task.TaskPlugin;
import io.sluice.api.task.TaskResult;
import io.sluice.api.task.TaskSetup;

/**
 * SSIS's Send Mail task ({@code type: SendMail}): a plain-text message to To, Cc and Bcc through an
 * smtp connection, its body written in the task, read from a file connection or from a variable,
 * with a priority and attachments. Settings are SSIS's property names in Sluice's lower camel case.
 */
final class SendMailTaskPlugin implements TaskPlugin {

  static final String NAME = "SendMail";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SettingsSchema settings() {
    return SettingsSchema.of(
        Setting.connection("smtpConnection", SmtpConnectionPlugin.TYPE)
            .required()
            .describedAs("The smtp connection to send through (SmtpConnection)"),
        Setting.text("from").required().describedAs("The sender's address (FromLine)"),
        Setting.text("to").describedAs("Recipients, separated by ; (ToLine)"),
        Setting.text("cc").describedAs("Copy recipients, separated by ; (CCLine)"),
        Setting.text("bcc").describedAs("Blind copy recipients, separated by ; (BCCLine)"),
        Setting.text("subject").describedAs("The subject line (Subject)"),
        Setting.choice("messageSourceType", MessageSource.NAMES.toArray(String[]::new))
            .describedAs("Where the body comes from (MessageSourceType), directInput by default"),
        Setting.text("messageSource")
            .describedAs("The body, a file connection's name or a variable's (MessageSource)"),
        Setting.choice("priority", "high", "normal", "low")
            .describedAs("The message's priority (Priority), normal by default"),
        Setting.text("attachments")
            .describedAs("Files to attach, separated by | (FileAttachments)"));
  }

  @Override
  public PluginTask prepare(TaskSetup setup) {
    SettingValues s = setup.settings();
    if (!s.has("to") && !s.has("cc") && !s.has("bcc")) {
      setup.problem("the message has no recipient: give 'to' (or 'cc', 'bcc')");
    }
    MessageSource source =
        s.has("messageSourceType")
            ? MessageSource.of(s.text("messageSourceType"))
            : MessageSource.DIRECT_INPUT;
    if (source != null) {
      source.check(setup);
    }
    return context -> {
      new SendMail(context).run();
      return TaskResult.SUCCESS;
    };
  }
}
