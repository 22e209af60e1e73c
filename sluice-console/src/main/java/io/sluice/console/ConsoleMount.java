package io.sluice.console;

import io.sluice.master.http.RouteModule;
import io.sluice.master.mount.MasterMount;
import io.sluice.master.mount.MasterServices;

/** Found by the master with ServiceLoader: mounts the console under {@code /console/}. */
public final class ConsoleMount implements MasterMount {

  @Override
  public RouteModule mount(MasterServices services) {
    return new ConsoleModule(services);
  }
}
