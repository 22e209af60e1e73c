package io.sluice.master.http;

import io.javalin.config.RoutesConfig;

/** A feature's HTTP endpoints (worker API, management, health), added to the master's server. */
public interface RouteModule {

  void register(RoutesConfig routes);
}
