package io.sluice.xml;

import io.sluice.api.task.TaskPlugin;
import io.sluice.engine.plugin.BuiltInPlugins;
import java.util.List;

/** sluice-xml's types: the XML task. */
public final class XmlPlugins implements BuiltInPlugins {

  @Override
  public List<TaskPlugin> tasks() {
    return List.of(new XmlTaskPlugin());
  }
}
