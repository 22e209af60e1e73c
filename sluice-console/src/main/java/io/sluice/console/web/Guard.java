package io.sluice.console.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.sluice.catalog.CatalogException;
import io.sluice.console.session.ConsoleSessions.Session;
import io.sluice.master.http.ApiException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps every console handler: a page needs a live session (else the sign-in page, saying the
 * session ended when it did), a change also passes the {@link Door}'s checks, and every failure is
 * an error page in words (a catalog refusal keeps its message and hint, as the REST API and the CLI
 * print them), never a stack trace.
 */
public final class Guard {

  private static final Logger log = LoggerFactory.getLogger(Guard.class);

  /** A console handler, for a signed-in viewer. */
  public interface PageHandler {
    void handle(Context ctx, Viewer viewer) throws Exception;
  }

  private final Door door;
  private final Pages pages;
  private final Supplier<String> masterName;

  public Guard(Door door, Pages pages, Supplier<String> masterName) {
    this.door = door;
    this.pages = pages;
    this.masterName = masterName;
  }

  public Door door() {
    return door;
  }

  public Pages pages() {
    return pages;
  }

  public String masterName() {
    return masterName.get();
  }

  public Chrome chrome(String title, String section, Viewer viewer) {
    return new Chrome(title, section, viewer, masterName.get());
  }

  /** A page anyone signed in may see (GET). */
  public Handler read(String section, PageHandler handler) {
    return ctx -> run(ctx, section, false, handler);
  }

  /** A change only an administrator may make (POST). */
  public Handler change(String section, PageHandler handler) {
    return ctx -> run(ctx, section, true, handler);
  }

  /** A change any signed-in viewer may make (signing out). */
  public Handler anyoneChange(String section, PageHandler handler) {
    return ctx -> run(ctx, section, false, handler);
  }

  private void run(Context ctx, String section, boolean needsAdmin, PageHandler handler) {
    Viewer viewer = null;
    try {
      Optional<Session> session = door.session(ctx);
      if (session.isEmpty()) {
        signInFirst(ctx);
        return;
      }
      Session s = session.get();
      viewer = new Viewer(s.callerName(), s.role(), s.csrf());
      if (Door.isChange(ctx)) {
        door.checkChange(ctx, s, needsAdmin);
      }
      handler.handle(ctx, viewer);
    } catch (Exception e) {
      error(ctx, section, viewer, e);
    }
  }

  /** The sign-in page for a request without a live session; a change is refused outright. */
  private void signInFirst(Context ctx) {
    if (Door.isChange(ctx)) {
      throw PageException.forbidden(
          "the change was refused: it came without a live console session (signed out, ended, or"
              + " sent by a page of another site)",
          "sign in to the console and repeat the change from its own pages");
    }
    String target =
        "/console/sign-in?"
            + (Door.hadSession(ctx) ? "ended=1&" : "")
            + "next="
            + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8);
    if (ctx.header("HX-Request") != null) {
      // htmx follows HX-Redirect with a full page load, instead of swapping a part of the page.
      ctx.status(401).header("HX-Redirect", target);
      return;
    }
    ctx.redirect(target, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** Renders any failure as an error page. */
  public void error(Context ctx, String section, Viewer viewer, Exception e) {
    ErrorView view = view(ctx, e);
    if (view.status() >= 500) {
      log.error("{} {} failed", ctx.method(), ctx.path(), e);
    }
    pages.error(ctx, chrome(view.title(), section, viewer), view);
  }

  private static ErrorView view(Context ctx, Exception e) {
    if (e instanceof PageException p) {
      return new ErrorView(p.status(), p.title(), p.getMessage(), p.hint());
    }
    if (e instanceof CatalogException c) {
      return switch (c.reason()) {
        case NOT_FOUND -> new ErrorView(404, "Not found", c.getMessage(), c.hint());
        case CONFLICT -> new ErrorView(409, "Not possible now", c.getMessage(), c.hint());
        case INVALID -> new ErrorView(400, "Not accepted", c.getMessage(), c.hint());
      };
    }
    if (e instanceof ApiException a) {
      return new ErrorView(a.status(), "Refused", a.reply().error(), a.reply().hint());
    }
    return new ErrorView(
        500,
        "Something went wrong",
        "the console could not handle "
            + ctx.method()
            + " "
            + ctx.path()
            + ": "
            + e.getClass().getSimpleName(),
        "try again; if it persists, the master's log says more");
  }
}
