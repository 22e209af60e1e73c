package io.sluice.master.management;

import io.javalin.config.RoutesConfig;
import io.sluice.master.http.Json;
import io.sluice.master.http.RouteModule;
import io.sluice.master.leader.Leadership;
import io.sluice.master.management.MasterNodes.MasterNode;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The masters of the cluster and which one leads: {@code GET /api/v1/masters}, what {@code sluice
 * master status --json} prints, for the console's Scale Out Manager and for scripts.
 */
public final class MasterRoutes implements RouteModule {

  static final String MASTERS = ManagementAccess.BASE + "/masters";

  /** A master counts as online when it refreshed its row within this time (as the CLI's). */
  static final long ONLINE_WITHIN_MILLIS = 60_000;

  private final Jdbi jdbi;

  public MasterRoutes(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * @param leader the current leader's term; null when no master holds the leader lease
   */
  public record Cluster(Leadership leader, List<MasterNode> masters) {}

  /** The masters and the leader now. */
  public Cluster cluster() {
    return new Cluster(
        Leadership.current(jdbi).orElse(null), new MasterNodes(jdbi).list(ONLINE_WITHIN_MILLIS));
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(MASTERS, ctx -> Json.ok(ctx, cluster()));
  }
}
