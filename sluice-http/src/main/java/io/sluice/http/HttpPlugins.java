package io.sluice.http;

import io.sluice.api.connection.ConnectionPlugin;
import io.sluice.api.task.TaskPlugin;
import io.sluice.engine.plugin.BuiltInPlugins;
import java.util.List;

/** sluice-http's types: the Http task and the http connection it calls through. */
public final class HttpPlugins implements BuiltInPlugins {

  @Override
  public List<TaskPlugin> tasks() {
    return List.of(new HttpTaskPlugin());
  }

  @Override
  public List<ConnectionPlugin> connections() {
    return List.of(new HttpConnectionType());
  }
}
