package io.sluice.master.management;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.sluice.master.http.ApiException;
import io.sluice.master.http.RouteModule;
import java.util.Set;

/**
 * The door of the management API ({@code /api/v1/*}): every request is authenticated before any
 * route runs (401 without valid credentials), and a {@link Role#READ} caller may only read (403 for
 * anything but GET, HEAD and OPTIONS, the methods that change nothing), so no route has to remember
 * either check.
 */
public final class ManagementAccess implements RouteModule {

  public static final String BASE = "/api/v1";
  private static final String CALLER = "sluice.caller";

  /** The methods that change nothing (RFC 9110 calls them safe). */
  private static final Set<HandlerType> READS =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

  private final ManagementAuth auth;

  public ManagementAccess(ManagementAuth auth) {
    this.auth = auth;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.before(BASE + "/*", this::admit);
  }

  private void admit(Context ctx) {
    Caller caller = auth.authenticate(ctx);
    if (caller.role() == Role.READ && !READS.contains(ctx.method())) {
      throw ApiException.forbidden(
          caller.name() + " may only read (a read-only token): " + ctx.method() + " is a change",
          "use an administrator certificate or a token created without --read-only");
    }
    ctx.attribute(CALLER, caller);
  }

  /** The caller {@link #register}'s check admitted for this request. */
  public static Caller caller(Context ctx) {
    Caller caller = ctx.attribute(CALLER);
    if (caller == null) {
      // Only reachable if a route were served outside /api/v1: refuse rather than act anonymously.
      throw ApiException.unauthorized(
          "the request was not authenticated", "management routes live under " + BASE);
    }
    return caller;
  }
}
