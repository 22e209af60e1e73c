package io.sluice.console.signin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.sluice.console.session.ConsoleSessions.Created;
import io.sluice.console.session.Secrets;
import io.sluice.console.web.Door;
import io.sluice.console.web.Guard;
import io.sluice.console.web.PageException;
import io.sluice.master.http.ClientCertificates;
import io.sluice.master.management.ApiTokens;
import io.sluice.master.management.Caller;
import io.sluice.master.management.Role;
import io.sluice.master.mount.MasterServices;
import io.sluice.protocol.tls.CertificateAuthority;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Signing in and out. The same credentials as the REST API: an API token (its role decides what the
 * console allows), or the administrator certificate the browser presented to the management port. A
 * session is made only after they are checked; the browser gets its id in a {@code __Host-} cookie.
 */
public final class SignInRoutes implements io.sluice.master.http.RouteModule {

  static final String PATH = "/console/sign-in";

  private final Guard guard;
  private final ApiTokens tokens;
  private final MasterServices services;

  public SignInRoutes(Guard guard, MasterServices services) {
    this.guard = guard;
    this.tokens = services.tokens();
    this.services = services;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(PATH, this::form);
    routes.post(PATH, this::signIn);
    routes.post(
        "/console/sign-out",
        guard.anyoneChange(
            "",
            (ctx, viewer) -> {
              guard.door().sessions().end(ctx.cookie(Door.SESSION_COOKIE));
              Door.clearCookie(ctx, Door.SESSION_COOKIE);
              ctx.redirect(PATH + "?signedOut=1", HttpStatus.SEE_OTHER);
            }));
  }

  private void form(Context ctx) {
    String notice = null;
    if (ctx.queryParam("ended") != null) {
      notice =
          "Your session has ended (it expired, was idle too long, or its token was revoked)."
              + " Sign in again.";
    } else if (ctx.queryParam("signedOut") != null) {
      notice = "You have signed out.";
    }
    render(ctx, 200, notice, null, null);
  }

  private void render(Context ctx, int status, String notice, String error, String hint) {
    guard
        .pages()
        .page(
            ctx,
            status,
            "signin.jte",
            new SignInPage(
                guard.chrome("Sign in", "", null),
                Door.signInToken(ctx),
                next(ctx),
                administrator(ctx).map(CertificateAuthority::commonName).orElse(null),
                notice,
                error,
                hint));
  }

  private void signIn(Context ctx) {
    try {
      Door.checkSameOrigin(ctx);
      if (!Secrets.same(ctx.formParam("_signin"), ctx.cookie(Door.SIGN_IN_COOKIE))) {
        throw PageException.forbidden(
            "the sign-in was refused: the form did not come from this browser's sign-in page",
            "open the sign-in page again and sign in from there");
      }
    } catch (PageException e) {
      guard.error(ctx, "", null, e);
      return;
    }
    Caller caller;
    String tokenHash = null;
    if ("certificate".equals(ctx.formParam("with"))) {
      Optional<X509Certificate> certificate = administrator(ctx);
      if (certificate.isEmpty()) {
        render(
            ctx,
            401,
            null,
            "No administrator certificate came with this request.",
            "import one made by: sluice cert admin NAME into the browser, or use an API token");
        return;
      }
      caller = new Caller(CertificateAuthority.commonName(certificate.get()), Role.ADMIN);
    } else {
      String token = Optional.ofNullable(ctx.formParam("token")).orElse("").trim();
      Optional<ApiTokens.Token> valid = tokens.authenticate(token);
      if (valid.isEmpty()) {
        render(
            ctx,
            401,
            null,
            "That API token is not valid (unknown, mistyped or revoked).",
            "paste the whole token that sluice tokens create NAME printed (it starts with"
                + " sluice_), or create a new one");
        return;
      }
      caller = new Caller("token:" + valid.get().name(), valid.get().role());
      tokenHash = Secrets.sha256(token);
    }
    Created created = guard.door().sessions().create(caller.name(), caller.role(), tokenHash);
    Door.setSessionCookie(ctx, created.id());
    Door.clearCookie(ctx, Door.SIGN_IN_COOKIE);
    ctx.redirect(next(ctx), HttpStatus.SEE_OTHER);
  }

  /** The administrator certificate the client presented on this connection, if any. */
  private static Optional<X509Certificate> administrator(Context ctx) {
    return ClientCertificates.of(ctx).filter(CertificateAuthority::isAdministrator);
  }

  /** Where to go after sign-in: a console page only, never another site. */
  private static String next(Context ctx) {
    String next = ctx.queryParam("next");
    if (next == null) {
      next = ctx.formParam("next");
    }
    if (next == null
        || !next.startsWith("/console/")
        || next.startsWith(PATH)
        || next.contains("//")
        || next.contains("\\")
        || next.chars().anyMatch(c -> c < 0x20)) {
      return "/console/";
    }
    return next;
  }

  MasterServices services() {
    return services;
  }
}
