package io.sluice.console.scaleout;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.sluice.console.web.Guard;
import io.sluice.console.web.PageException;
import io.sluice.console.web.Viewer;
import io.sluice.master.http.RouteModule;
import io.sluice.master.leader.Leadership;
import io.sluice.master.management.WorkerAgent;
import io.sluice.master.management.WorkerAgents;
import io.sluice.master.management.WorkerChanges;
import io.sluice.master.mount.MasterServices;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The Scale Out Manager: workers (enable, disable, display name, description, tags, remove) through
 * the same {@link WorkerAgents} the REST API and {@code sluice workers} use, and the masters with
 * the leader.
 */
public final class ScaleOutRoutes implements RouteModule {

  static final String WORKERS = "/console/workers";
  static final String WORKER = WORKERS + "/{id}";
  static final long MASTER_ONLINE_WITHIN_MILLIS = 60_000;

  private final Guard guard;
  private final MasterServices services;
  private final WorkerAgents workers;

  public ScaleOutRoutes(Guard guard, MasterServices services) {
    this.guard = guard;
    this.services = services;
    this.workers = services.workers();
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(WORKERS, guard.read("workers", this::list));
    routes.get(WORKER, guard.read("workers", (ctx, v) -> worker(ctx, v, "worker.jte")));
    routes.get(
        WORKER + "/remove", guard.read("workers", (ctx, v) -> worker(ctx, v, "worker_remove.jte")));
    routes.post(
        WORKER + "/enable",
        guard.change("workers", (ctx, v) -> done(ctx, workers.enable(id(ctx)), "enabled")));
    routes.post(
        WORKER + "/disable",
        guard.change("workers", (ctx, v) -> done(ctx, workers.disable(id(ctx)), "disabled")));
    routes.post(
        WORKER + "/remove",
        guard.change("workers", (ctx, v) -> done(ctx, workers.remove(id(ctx)), "removed")));
    routes.post(WORKER, guard.change("workers", this::edit));
    routes.get("/console/masters", guard.read("masters", this::masters));
  }

  private void list(Context ctx, Viewer viewer) {
    List<WorkerAgent> all = workers.list();
    guard
        .pages()
        .page(
            ctx,
            "workers.jte",
            new WorkersView(
                guard.chrome("Workers", "workers", viewer),
                services.clock().instant(),
                all,
                notice(ctx, all)));
  }

  /**
   * What the last change did, from {@code ?done=VERB&worker=ID}: made of the worker's name and a
   * known verb only, so a link cannot make the page say anything else.
   */
  private static String notice(Context ctx, List<WorkerAgent> all) {
    String done = ctx.queryParam("done");
    String id = ctx.queryParam("worker");
    if (done == null || id == null || !DONE.contains(done)) {
      return null;
    }
    return all.stream()
        .filter(w -> w.workerAgentId().toString().equals(id))
        .findFirst()
        .map(w -> "Worker " + name(w) + " " + done + ".")
        .orElse(null);
  }

  private static final List<String> DONE = List.of("enabled", "disabled", "removed", "changed");

  static String name(WorkerAgent worker) {
    return worker.displayName() == null || worker.displayName().isBlank()
        ? worker.workerAgentId().toString()
        : worker.displayName();
  }

  private void worker(Context ctx, Viewer viewer, String template) {
    WorkerAgent worker = workers.get(id(ctx));
    guard
        .pages()
        .page(
            ctx,
            template,
            new WorkerView(
                guard.chrome("Worker", "workers", viewer), services.clock().instant(), worker));
  }

  private void edit(Context ctx, Viewer viewer) {
    String tags = ctx.formParam("tags");
    List<String> tagList =
        tags == null
            ? null
            : Arrays.stream(tags.split(","))
                .map(String::trim)
                .filter(tag -> !tag.isEmpty())
                .toList();
    WorkerAgent changed =
        workers.set(
            id(ctx),
            new WorkerChanges(ctx.formParam("displayName"), ctx.formParam("description"), tagList));
    done(ctx, changed, "changed");
  }

  /** Back to the list, saying what was done (Post/Redirect/Get: a reload repeats nothing). */
  private static void done(Context ctx, WorkerAgent worker, String what) {
    ctx.redirect(
        WORKERS + "?done=" + what + "&worker=" + worker.workerAgentId(), HttpStatus.SEE_OTHER);
  }

  private void masters(Context ctx, Viewer viewer) {
    guard
        .pages()
        .page(
            ctx,
            "masters.jte",
            new MastersView(
                guard.chrome("Masters", "masters", viewer),
                services.clock().instant(),
                services.masters().list(MASTER_ONLINE_WITHIN_MILLIS),
                Leadership.current(services.catalog().database().jdbi()).orElse(null),
                guard.masterName(),
                services.version(),
                services.caExpires()));
  }

  /** A worker id in the path: a UUID (names may change; ids do not). */
  private static String id(Context ctx) {
    String text = ctx.pathParam("id");
    try {
      return UUID.fromString(text).toString();
    } catch (IllegalArgumentException e) {
      throw PageException.notFound(
          "there is no worker '" + text + "': worker ids are UUIDs",
          "pick a worker from the list of workers");
    }
  }
}
