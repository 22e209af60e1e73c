package io.sluice.mail;

import io.sluice.api.connection.ConnectionPlugin;
import io.sluice.api.task.TaskPlugin;
import io.sluice.engine.plugin.BuiltInPlugins;
import java.util.List;

/** sluice-mail's types: the Send Mail task and the smtp connection it sends through. */
public final class MailPlugins implements BuiltInPlugins {

  @Override
  public List<TaskPlugin> tasks() {
    return List.of(new SendMailTaskPlugin());
  }

  @Override
  public List<ConnectionPlugin> connections() {
    return List.of(new SmtpConnectionPlugin());
  }
}
