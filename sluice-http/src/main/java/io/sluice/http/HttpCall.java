package io.sluice.http;

import io.sluice.api.PluginException;
import io.sluice.api.task.TaskContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One execution of an Http task: the request built from the settings, sent, its answer kept. */
final class HttpCall {

  /** As browsers and the JDK's own redirect handling: more than this is a loop. */
  static final int MAX_REDIRECTS = 5;

  /** How much of a failed response's body the failure quotes. */
  static final int QUOTED_CHARS = 200;

  private final TaskContext context;
  private final StatusCodes success;
  private final String connection;
  private HttpEndpoint endpoint;
  private Path outputFile;

  HttpCall(TaskContext context, StatusCodes success) {
    this.context = context;
    this.success = success;
    this.connection = context.settings().text("httpConnection");
  }

  void run() {
    try {
      endpoint = context.connections().acquire(connection, HttpEndpoint.class);
    } catch (PluginException e) {
      // the connection type's own words do not know the connection's name
      throw new PluginException(
          "task '" + context.taskName() + "': connection '" + connection + "': " + e.getMessage(),
          e.hint(),
          e);
    }
    String method = context.settings().has("method") ? context.settings().text("method") : "GET";
    URI uri;
    BodySource.Body body;
    try {
      uri = endpoint.resolve(context.settings().text("path"));
      body = BodySource.of(context.settings().text("bodySourceType")).body(context);
    } catch (PluginException e) {
      throw new PluginException(
          "task '" + context.taskName() + "': " + e.getMessage(), e.hint(), e);
    }
    outputFile = outputFile();
    context.cancellation().check();
    Instant started = context.clock().instant();
    HttpResponse<InputStream> response = send(method, uri, body);
    try (InputStream in = response.body()) {
      int status = response.statusCode();
      String statusVariable = context.settings().text("statusVariable");
      if (statusVariable != null) {
        context.variables().set(statusVariable, status);
      }
      URI answered = response.uri();
      if (!success.isSuccess(status)) {
        throw new PluginException(
            "task '"
                + context.taskName()
                + "': "
                + method
                + " "
                + answered
                + " answered HTTP "
                + status
                + (success == StatusCodes.DEFAULT ? "" : ", not one of " + success)
                + " (connection '"
                + connection
                + "'): "
                + endpoint.redact(start(in, charset(response))),
            hint(status));
      }
      String kept = keep(in, response);
      long millis = Duration.between(started, context.clock().instant()).toMillis();
      context
          .events()
          .information(
              method
                  + " "
                  + answered
                  + " answered HTTP "
                  + status
                  + " in "
                  + millis
                  + " ms"
                  + kept);
    } catch (IOException e) {
      throw HttpFailure.of(context.taskName(), connection, endpoint, method, uri, e);
    }
  }

  /** Sends, following redirects itself so that credentials go only to the connection's server. */
  private HttpResponse<InputStream> send(String method, URI uri, BodySource.Body body) {
    URI target = uri;
    String m = method;
    BodySource.Body b = body;
    for (int redirects = 0; ; redirects++) {
      HttpRequest request = request(m, target, b);
      context.events().progress("sending " + m + " " + target);
      HttpResponse<InputStream> response;
      try {
        response = endpoint.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        throw HttpFailure.of(context.taskName(), connection, endpoint, m, target, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        context.cancellation().check();
        throw new PluginException(
            "task '" + context.taskName() + "': the request was interrupted", null, e);
      }
      int status = response.statusCode();
      String location = response.headers().firstValue("Location").orElse(null);
      if (!Set.of(301, 302, 303, 307, 308).contains(status)
          || location == null
          || success.isSuccess(status)) {
        return response;
      }
      discard(response);
      if (redirects == MAX_REDIRECTS) {
        throw new PluginException(
            "task '"
                + context.taskName()
                + "': "
                + method
                + " "
                + uri
                + " was redirected more than "
                + MAX_REDIRECTS
                + " times, last to "
                + location
                + " (connection '"
                + connection
                + "')",
            "check the path; the server sends the request around in a loop");
      }
      target = redirected(target, location);
      // as browsers do: 303, and 301/302 after a POST, fetch the new place with GET
      if (status == 303 || (status == 301 || status == 302) && m.equals("POST")) {
        m = "GET";
        b = null;
      }
    }
  }

  /** Where a redirect's Location points, if the task can go there. */
  private URI redirected(URI from, String location) {
    URI to;
    try {
      to = from.resolve(location.trim());
    } catch (IllegalArgumentException e) {
      to = null;
    }
    if (to == null
        || to.getHost() == null
        || !("http".equalsIgnoreCase(to.getScheme()) || "https".equalsIgnoreCase(to.getScheme()))) {
      throw new PluginException(
          "task '"
              + context.taskName()
              + "': "
              + from
              + " redirects to '"
              + location
              + "', which is not an http or https URL (connection '"
              + connection
              + "')",
          "check the path, or ask the service's owner about the redirect");
    }
    return to;
  }

  private HttpRequest request(String method, URI target, BodySource.Body body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(endpoint.timeout)
            // HTTP/2 only where TLS negotiates it: no h2c upgrade offer that some plain-HTTP
            // servers and proxies refuse
            .version(
                "https".equalsIgnoreCase(target.getScheme())
                    ? HttpClient.Version.HTTP_2
                    : HttpClient.Version.HTTP_1_1)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body.publisher());
    for (Map.Entry<String, Object> h : context.settings().mapping("headers").entrySet()) {
      request.setHeader(h.getKey(), String.valueOf(h.getValue()));
    }
    if (body != null) {
      String contentType = context.settings().text("contentType");
      boolean inHeaders =
          context.settings().mapping("headers").keySet().stream()
              .anyMatch(k -> k.equalsIgnoreCase("Content-Type"));
      if (contentType != null || !inHeaders) {
        request.setHeader("Content-Type", contentType != null ? contentType : body.contentType());
      }
    }
    endpoint.authorize(request, target);
    return request.build();
  }

  /** The file the response goes to, checked before anything is sent; null for a variable. */
  private Path outputFile() {
    String output = context.settings().text("output");
    if (output == null
        || OutputTarget.of(context.settings().text("outputType")) != OutputTarget.FILE_CONNECTION) {
      return null;
    }
    String type = context.connections().type(output);
    if (!type.equals("file") && !type.equals("flatFile")) {
      throw new PluginException(
          "task '"
              + context.taskName()
              + "': output: connection '"
              + output
              + "' is a "
              + type
              + " connection",
          "name a file connection for the response body");
    }
    Path file = context.connections().path(output);
    // written beside the file, then moved over it: a failed transfer leaves the old file intact
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new PluginException(
          "task '"
              + context.taskName()
              + "': the folder of output file "
              + file
              + " (connection '"
              + output
              + "') does not exist",
          "create the folder, or point connection '" + output + "' at an existing one");
    }
    return file;
  }

  /** Puts the response body where the task says; returns the words for the event. */
  private String keep(InputStream in, HttpResponse<InputStream> response) throws IOException {
    String output = context.settings().text("output");
    if (output == null) {
      in.transferTo(OutputStream.nullOutputStream());
      return "";
    }
    OutputTarget target = OutputTarget.of(context.settings().text("outputType"));
    if (target == OutputTarget.VARIABLE) {
      String text = new String(in.readAllBytes(), charset(response));
      context.variables().set(output, text);
      return ", " + text.length() + " characters into " + output;
    }
    Path file = outputFile;
    Path parent = file.toAbsolutePath().getParent();
    long bytes = 0;
    Path part = null;
    try {
      part = Files.createTempFile(parent, "." + file.getFileName(), ".part");
      try (OutputStream out = Files.newOutputStream(part)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
          context.cancellation().check();
          out.write(buffer, 0, n);
          bytes += n;
        }
      }
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (FileSystemException e) {
      // the file's fault, not the server's
      throw new PluginException(
          "task '"
              + context.taskName()
              + "': cannot write the response into "
              + file
              + " (connection '"
              + output
              + "'): "
              + e.getClass().getSimpleName()
              + " "
              + e.getMessage(),
          "check that the folder is writable and the file not locked by another program");
    } finally {
      if (part != null) {
        Files.deleteIfExists(part);
      }
    }
    return ", " + bytes + " bytes into " + file;
  }

  /**
   * The start of a failed response's body on one line, so the failure says what the server said.
   */
  private static String start(InputStream in, Charset charset) throws IOException {
    byte[] head = in.readNBytes(QUOTED_CHARS * 4);
    String text = new String(head, charset).replaceAll("\\s+", " ").strip();
    if (text.isEmpty()) {
      return "(no body)";
    }
    return text.length() > QUOTED_CHARS ? text.substring(0, QUOTED_CHARS) + " ..." : text;
  }

  private static String hint(int status) {
    if (status == 401 || status == 403) {
      return "check the authentication, user, password or token of the connection, and that"
          + " they may call this path";
    }
    if (status == 404 || status == 405) {
      return "check path and method against the service's documentation; list the status in"
          + " successStatusCodes if the package expects it";
    }
    if (status >= 500) {
      return "the server failed: see its answer and its logs; list the status in"
          + " successStatusCodes if the package expects it";
    }
    return "list the status in successStatusCodes (200-299 by default) if the package expects it";
  }

  /** The response's charset (Content-Type's charset), UTF-8 when it names none or an unknown. */
  static Charset charset(HttpResponse<?> response) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    for (String part : type.split(";")) {
      String p = part.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        try {
          return Charset.forName(p.substring(8).replace("\"", "").trim());
        } catch (IllegalArgumentException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static void discard(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // the redirect's own body does not matter
    }
  }
}
