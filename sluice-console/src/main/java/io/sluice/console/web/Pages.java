package io.sluice.console.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * Renders the precompiled jte templates (HTML escaped by default) into responses. Pages are never
 * cached: they show live state and may show who is signed in.
 */
public final class Pages {

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /** Renders {@code template} (e.g. {@code "dashboard.jte"}) with its one parameter. */
  public String render(String template, Object model) {
    StringOutput out = new StringOutput();
    engine.render(template, model, out);
    return out.toString();
  }

  public void page(Context ctx, int status, String template, Object model) {
    String html = render(template, model);
    ctx.status(status).contentType("text/html; charset=utf-8").result(html);
  }

  public void page(Context ctx, String template, Object model) {
    page(ctx, 200, template, model);
  }

  /** The error page for a refusal: its status, what happened, what to do. */
  public void error(Context ctx, Chrome chrome, ErrorView error) {
    page(ctx, error.status(), "error.jte", new ErrorPage(chrome, error));
  }

  /** The model of error.jte. */
  public record ErrorPage(Chrome chrome, ErrorView error) {}
}
