package io.sluice.console.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The console's own files (stylesheet, script, vendored htmx), served by the master: nothing comes
 * from a CDN, so the console works with no internet. Only the files named here are served.
 */
public final class Assets {

  private static final Map<String, String> TYPES =
      Map.of(
          "console.css", "text/css; charset=utf-8",
          "console.js", "text/javascript; charset=utf-8",
          "htmx.min.js", "text/javascript; charset=utf-8",
          "htmx.LICENSE.txt", "text/plain; charset=utf-8");

  private final Map<String, byte[]> files;

  public Assets() {
    this.files =
        TYPES.keySet().stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(name -> name, Assets::read));
  }

  private static byte[] read(String name) {
    try (InputStream in = Assets.class.getResourceAsStream("/io/sluice/console/assets/" + name)) {
      if (in == null) {
        throw new IllegalStateException("console asset " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void serve(Context ctx) {
    String name = ctx.pathParam("file");
    byte[] content = files.get(name);
    if (content == null) {
      throw PageException.notFound(
          "there is no console file " + name, "the console's pages link the files they need");
    }
    // The files change only with the master's version: a browser may keep them for an hour.
    ctx.header("Cache-Control", "public, max-age=3600");
    ctx.contentType(TYPES.get(name)).result(content);
  }
}
