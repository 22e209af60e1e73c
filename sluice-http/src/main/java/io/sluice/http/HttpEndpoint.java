package io.sluice.http;

import io.sluice.api.PluginException;
import io.sluice.api.settings.SettingValues;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * What an http connection gives a task: a JDK HTTP client set up from the connection's settings
 * (timeout, TLS trust, proxy), the base URL, and the credentials. The password and token stay in
 * this object and in the request's header; they are never put into a message, and the header goes
 * only to the connection's own server (scheme, host and port), never to one a redirect names.
 */
final class HttpEndpoint {

  /** SSIS's HTTP connection manager waits 30 seconds. */
  static final long DEFAULT_TIMEOUT_SECONDS = 30;

  final URI base;
  final Duration timeout;
  final Authentication authentication;
  private final String authorizationHeader;
  private final String authorizationValue;
  final HttpClient client;
  final TlsTrust trust;

  private HttpEndpoint(
      URI base,
      Duration timeout,
      Authentication authentication,
      String authorizationHeader,
      String authorizationValue,
      HttpClient client,
      TlsTrust trust) {
    this.base = base;
    this.timeout = timeout;
    this.authentication = authentication;
    this.authorizationHeader = authorizationHeader;
    this.authorizationValue = authorizationValue;
    this.client = client;
    this.trust = trust;
  }

  static HttpEndpoint of(SettingValues s) {
    URI base = base(s.text("serverUrl"));
    long seconds = s.integer("timeout", DEFAULT_TIMEOUT_SECONDS);
    if (seconds < 1) {
      throw new PluginException(
          "timeout " + seconds + " is not a number of seconds", "give 1 or more");
    }
    Duration timeout = Duration.ofSeconds(seconds);
    String user = blankToNull(s.text("user"));
    String password = s.text("password");
    String token = blankToNull(s.text("token"));
    String tokenHeader = blankToNull(s.text("tokenHeader"));
    Authentication authentication =
        s.has("authentication")
            ? Authentication.of(s.text("authentication"))
            : user != null ? Authentication.BASIC : token != null ? Authentication.BEARER : null;
    if (authentication == null) {
      authentication = Authentication.NONE;
    }
    String header = null;
    String value = null;
    switch (authentication) {
      case NONE -> {
        if (user != null || token != null) {
          throw new PluginException(
              "authentication none, but a " + (user != null ? "user" : "token") + " is given",
              "choose authentication basic (user and password) or bearer (token), or remove it");
        }
      }
      case BASIC -> {
        if (user == null) {
          throw new PluginException(
              "authentication basic needs a user", "give user, and password from a parameter");
        }
        if (user.contains(":")) {
          throw new PluginException(
              "a basic authentication user cannot hold ':'", "check the connection's user");
        }
        header = "Authorization";
        String pair = user + ":" + (password == null ? "" : password);
        value =
            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
      }
      case BEARER, HEADER -> {
        if (token == null) {
          throw new PluginException(
              "authentication " + authentication.word + " needs a token",
              "give token, as an expression of a sensitive parameter");
        }
        if (authentication == Authentication.HEADER && tokenHeader == null) {
          throw new PluginException(
              "authentication header needs tokenHeader",
              "name the header the token goes in, e.g. tokenHeader: X-Api-Key");
        }
        if (token.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
          throw new PluginException(
              "the token holds a line break or control character",
              "check the parameter the token comes from");
        }
        header = authentication == Authentication.HEADER ? tokenHeader : "Authorization";
        value = authentication == Authentication.HEADER ? token : "Bearer " + token;
      }
    }
    if (password != null && !password.isEmpty() && authentication != Authentication.BASIC) {
      throw new PluginException(
          "a password is given without basic authentication",
          "give a user (authentication basic), or no password");
    }
    TlsTrust trust =
        TlsTrust.of(
            blankToNull(s.text("trustedCertificates")),
            blankToNull(s.text("certificateFingerprint")));
    HttpClient.Builder client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            // redirects are followed by the task, which keeps the credentials to this server
            .followRedirects(HttpClient.Redirect.NEVER);
    if (trust.context() != null) {
      client.sslContext(trust.context());
    }
    String proxy = blankToNull(s.text("proxyUrl"));
    if (proxy != null) {
      client.proxy(ProxySelector.of(proxy(proxy)));
    }
    return new HttpEndpoint(base, timeout, authentication, header, value, client.build(), trust);
  }

  private static URI base(String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new PluginException(
          "serverUrl '" + text + "' is not a URL: " + e.getReason(),
          "write it as https://host[:port][/path]");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new PluginException(
          "serverUrl '" + text + "' is not an http or https URL with a host",
          "write it as https://host[:port][/path]");
    }
    if (uri.getRawUserInfo() != null) {
      // never echo it: it holds a password
      throw new PluginException(
          "serverUrl holds a user name or password before the host",
          "give them as the connection's user and password (a sensitive parameter)");
    }
    return uri;
  }

  private static InetSocketAddress proxy(String text) {
    try {
      URI uri = new URI(text.trim());
      if (!"http".equalsIgnoreCase(uri.getScheme())
          || uri.getHost() == null
          || uri.getRawUserInfo() != null) {
        throw new URISyntaxException(text, "not http://host:port");
      }
      return InetSocketAddress.createUnresolved(
          uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
    } catch (URISyntaxException e) {
      throw new PluginException(
          "proxyUrl '" + text + "' is not http://host:port",
          "give the proxy as http://host:port (a proxy login is not supported)");
    }
  }

  /**
   * The URL of {@code path}: the connection's URL when empty, the path appended to it when relative
   * ({@code rates?day=1} under {@code https://api.example.com/v1} is {@code .../v1/rates?day=1}),
   * or an absolute URL of the same server. Another server is refused: it would get the credentials.
   */
  URI resolve(String path) {
    String p = path == null ? "" : path.trim();
    String text;
    if (p.isEmpty()) {
      text = base.toString();
    } else if (p.matches("(?i)^https?://.*")) {
      text = p;
    } else {
      String b = base.toString();
      if (p.startsWith("?")) {
        text = b + p;
      } else {
        text = (b.endsWith("/") ? b : b + "/") + (p.startsWith("/") ? p.substring(1) : p);
      }
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new PluginException(
          "path '" + p + "' does not make a URL: " + e.getReason(),
          "encode spaces and special characters (%20 ...) in path");
    }
    if (uri.getRawUserInfo() != null) {
      throw new PluginException(
          "path holds a user name or password before the host",
          "give them as the connection's user and password");
    }
    if (!sameServer(uri)) {
      throw new PluginException(
          "path " + uri + " is not on the connection's server " + origin(base),
          "give a path relative to serverUrl, or a connection for that server");
    }
    return uri;
  }

  /** Whether {@code uri} is on this connection's server: the credentials may go there. */
  boolean sameServer(URI uri) {
    return origin(uri).equals(origin(base));
  }

  static String origin(URI uri) {
    String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return scheme
        + "://"
        + Objects.requireNonNullElse(uri.getHost(), "").toLowerCase(Locale.ROOT)
        + ":"
        + port;
  }

  /** Adds the credentials when the request goes to this connection's server. */
  void authorize(HttpRequest.Builder request, URI target) {
    if (authorizationHeader != null && sameServer(target)) {
      request.setHeader(authorizationHeader, authorizationValue);
    }
  }

  /**
   * {@code text} (a server's answer) without the credential this connection sends: the run masks
   * the password and the token, but not basic authentication's base64 of user and password, which a
   * server that echoes the request's headers would otherwise put into a message.
   */
  String redact(String text) {
    if (authorizationValue == null) {
      return text;
    }
    String credential = authorizationValue.substring(authorizationValue.indexOf(' ') + 1);
    return credential.length() < 4 ? text : text.replace(credential, "********");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
