package io.sluice.console.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.sluice.console.session.ConsoleSessions;
import io.sluice.console.session.ConsoleSessions.Session;
import io.sluice.console.session.Secrets;
import java.util.Optional;

/**
 * The console's door: which session a request belongs to, and whether a change may go through.
 * Every change (POST) must come from the console's own pages: the browser's {@code
 * Sec-Fetch-Site}/{@code Origin} must say same origin, and the form must carry the session's CSRF
 * token. The session cookie is SameSite=Strict as well, so a cross-site form arrives without it;
 * the checks here hold even where a browser would send it.
 */
public final class Door {

  /** {@code __Host-}: the browser keeps it only if Secure, Path=/ and without Domain. */
  public static final String SESSION_COOKIE = "__Host-sluice-session";

  /** Before sign-in there is no session: the sign-in form is tied to this cookie instead. */
  public static final String SIGN_IN_COOKIE = "__Host-sluice-signin";

  public static final String CSRF_FIELD = "_csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private final ConsoleSessions sessions;

  public Door(ConsoleSessions sessions) {
    this.sessions = sessions;
  }

  public ConsoleSessions sessions() {
    return sessions;
  }

  /**
   * The request's live session, if its cookie names one. A request a page makes by itself (htmx's
   * polling sends {@code HX-Request}) does not count as use, or an open dashboard would keep its
   * session alive past the idle time-out.
   */
  public Optional<Session> session(Context ctx) {
    String id = ctx.cookie(SESSION_COOKIE);
    return ctx.header("HX-Request") != null && !isChange(ctx)
        ? sessions.peek(id)
        : sessions.find(id);
  }

  /** The request's live session without marking it used (an execution's message stream). */
  public Optional<Session> sessionUnused(Context ctx) {
    return sessions.peek(ctx.cookie(SESSION_COOKIE));
  }

  /** Whether the request carried a session cookie at all (an ended session vs none). */
  public static boolean hadSession(Context ctx) {
    return ctx.cookie(SESSION_COOKIE) != null;
  }

  /**
   * Refuses a change that did not come from the console's own pages, then one the session's role
   * does not allow ({@code needsAdmin}), as the REST API refuses a read-only token's changes.
   */
  public void checkChange(Context ctx, Session session, boolean needsAdmin) {
    checkSameOrigin(ctx);
    String sent = ctx.header(CSRF_HEADER);
    if (sent == null) {
      sent = ctx.formParam(CSRF_FIELD);
    }
    if (!Secrets.same(sent, session.csrf())) {
      throw PageException.forbidden(
          "the change was refused: it did not carry this session's form token (a page of another"
              + " site, or an old page from before you signed in again, tried to send it)",
          "open the page in the console again and repeat the change from there");
    }
    if (needsAdmin && !new Viewer(session.callerName(), session.role(), "").mayChange()) {
      throw PageException.forbidden(
          session.callerName() + " may only read (a read-only token): this is a change",
          "sign in with a token created without --read-only, or an administrator certificate");
    }
  }

  /**
   * Refuses a request another site's page made. Browsers say where a request comes from in {@code
   * Sec-Fetch-Site}, which decides when sent; else the {@code Origin} must be this one. Under the
   * console's {@code Referrer-Policy: no-referrer} a browser sends {@code Origin: null} with the
   * console's own forms, so "null" alone proves nothing either way and is refused only without
   * {@code Sec-Fetch-Site}. A client that sends neither header is no browser on another site (and
   * still needs the form token).
   */
  public static void checkSameOrigin(Context ctx) {
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null) {
      if (!site.equals("same-origin")) {
        throw crossSite("the browser says it came from " + site);
      }
      return;
    }
    String origin = ctx.header("Origin");
    if (origin != null && !origin.equals("https://" + ctx.header("Host"))) {
      throw crossSite("it came from " + origin);
    }
  }

  private static PageException crossSite(String why) {
    return PageException.forbidden(
        "the change was refused: it was sent by a page of another site (" + why + ")",
        "make changes from the console's own pages; if you use a proxy, it must keep the Host"
            + " header the browser sent");
  }

  /** Whether the request changes something (anything but GET, HEAD and OPTIONS). */
  public static boolean isChange(Context ctx) {
    HandlerType method = ctx.method();
    return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
  }

  /** {@code Set-Cookie} for the session: HttpOnly, Secure, SameSite=Strict, Path=/. */
  public static void setSessionCookie(Context ctx, String id) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            SESSION_COOKIE + "=" + id + "; Path=/; Secure; HttpOnly; SameSite=Strict");
  }

  public static void clearCookie(Context ctx, String name) {
    ctx.res()
        .addHeader("Set-Cookie", name + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict");
  }

  /** The sign-in form's token: the cookie's value, made if the browser has none yet. */
  public static String signInToken(Context ctx) {
    String token = ctx.cookie(SIGN_IN_COOKIE);
    if (token == null || token.length() != 43) {
      token = Secrets.random256();
      ctx.res()
          .addHeader(
              "Set-Cookie",
              SIGN_IN_COOKIE + "=" + token + "; Path=/; Secure; HttpOnly; SameSite=Strict");
    }
    return token;
  }
}
