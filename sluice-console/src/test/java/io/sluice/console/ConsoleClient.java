package io.sluice.console;

import io.sluice.protocol.tls.TlsContexts;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * A plain HTTPS client for the console, as a script (or an attacker's page) would talk to it: it
 * keeps the cookies it is given and sends exactly the headers a test asks for. No redirects are
 * followed, so a test sees each answer.
 */
final class ConsoleClient {

  private final HttpClient http;
  private final String base;
  final Map<String, String> cookies = new LinkedHashMap<>();

  /** {@code certificate}: the client certificate to present (base name in dir), or null. */
  ConsoleClient(Path dir, int port, String certificate) {
    SSLContext ssl =
        TlsContexts.sslContext(
            certificate == null
                ? null
                : TlsContexts.keyStore(
                    dir.resolve(certificate + ".crt"), dir.resolve(certificate + ".key")),
            TlsContexts.trustStore(dir.resolve("ca.crt")));
    http = HttpClient.newBuilder().sslContext(ssl).build();
    base = "https://localhost:" + port;
  }

  HttpResponse<String> get(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
  }

  HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        headers);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (String set : response.headers().allValues("Set-Cookie")) {
        String pair = set.split(";", 2)[0];
        String name = pair.substring(0, pair.indexOf('='));
        String value = pair.substring(pair.indexOf('=') + 1);
        if (value.isEmpty()) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return response;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The value of the hidden form field {@code name} in a page. */
  static String field(String html, String name) {
    Matcher m =
        Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
    if (!m.find()) {
      throw new AssertionError("no field " + name + " in:\n" + html);
    }
    return m.group(1);
  }

  /** Signs in with {@code token} as the sign-in page does; returns the session's CSRF token. */
  String signIn(String token) {
    String page = get("/console/sign-in").body();
    HttpResponse<String> signedIn =
        post(
            "/console/sign-in",
            Map.of("_signin", field(page, "_signin"), "with", "token", "token", token),
            "Origin",
            base,
            "Sec-Fetch-Site",
            "same-origin");
    if (signedIn.statusCode() != 303) {
      throw new AssertionError("sign-in failed: " + signedIn.statusCode() + signedIn.body());
    }
    return field(get("/console/").body(), "_csrf");
  }

  String origin() {
    return base;
  }
}
