package io.sluice.master.mount;

import io.sluice.master.http.RouteModule;

/**
 * Routes that a jar on the class path adds to every master's management port, found with {@link
 * java.util.ServiceLoader} (a {@code META-INF/services/io.sluice.master.mount.MasterMount} entry):
 * the web console (sluice-console) mounts itself this way, so sluice-master does not depend on it
 * and a master without the console's jar still runs.
 */
public interface MasterMount {

  /** The routes, built on the master's own services (the REST API's, so the two agree). */
  RouteModule mount(MasterServices services);
}
