package io.sluice.ftp;

import io.sluice.api.connection.ConnectionPlugin;
import io.sluice.api.task.TaskPlugin;
import io.sluice.engine.plugin.BuiltInPlugins;
import java.util.List;

/** The Ftp task and the ftp and sftp connection types, registered as Sluice's own SDK types. */
public final class FtpPlugins implements BuiltInPlugins {

  @Override
  public List<TaskPlugin> tasks() {
    return List.of(new FtpTaskPlugin());
  }

  @Override
  public List<ConnectionPlugin> connections() {
    return List.of(new FtpConnectionType(), new SftpConnectionType());
  }
}
