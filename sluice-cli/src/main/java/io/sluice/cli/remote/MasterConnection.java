package io.sluice.cli.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sluice.catalog.CatalogException;
import io.sluice.protocol.ErrorReply;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * HTTPS to a master's management API ({@code /api/v1}), as one authenticated caller. Answers are
 * read into the catalog's own records; a refusal becomes the {@link CatalogException} the local
 * catalog would have thrown (400 invalid, 404 not found, 409 conflict, same message and hint), so
 * every command prints the same words either way. Anything else is a {@link MasterException}.
 */
public final class MasterConnection {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  // Generous: a deploy uploads an archive and a cleanup may drop many partitions.
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

  // Tolerant of fields it does not know: a newer master may answer with more.
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  // The master's own hint speaks HTTP (Authorization header); here the user gives options.
  private static final String CREDENTIALS_HINT =
      "give an administrator certificate (--cert NAME.crt --key NAME.key, from sluice cert admin"
          + " NAME) or an API token (env SLUICE_TOKEN or --token, from sluice tokens create NAME)";

  private final URI base;
  private final HttpClient http;
  private final Consumer<HttpRequest.Builder> credentials;

  /**
   * @param base e.g. {@code https://master1:8392}
   * @param credentials adds the Authorization header, if a token is used (a client certificate is
   *     in {@code ssl})
   */
  MasterConnection(URI base, SSLContext ssl, Consumer<HttpRequest.Builder> credentials) {
    this.base = base;
    this.credentials = credentials;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .sslContext(ssl)
            .build();
  }

  /** One path segment, encoded: names may hold spaces and other characters URLs reserve. */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  <T> T get(String path, Class<T> answer) {
    return read(exchange("GET", path, HttpRequest.BodyPublishers.noBody(), null), type(answer));
  }

  <T> List<T> getList(String path, Class<T> element) {
    return read(
        exchange("GET", path, HttpRequest.BodyPublishers.noBody(), null),
        JSON.getTypeFactory().constructCollectionType(List.class, element));
  }

  byte[] getBytes(String path) {
    return exchange("GET", path, HttpRequest.BodyPublishers.noBody(), null);
  }

  /** Sends {@code body} (a record, or null for none) as JSON; reads the answer, null for Void. */
  <T> T send(String method, String path, Object body, Class<T> answer) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(json(body));
    return read(exchange(method, path, publisher, "application/json"), type(answer));
  }

  <T> T sendBytes(String path, byte[] body, Class<T> answer) {
    return read(
        exchange(
            "POST", path, HttpRequest.BodyPublishers.ofByteArray(body), "application/octet-stream"),
        type(answer));
  }

  private byte[] exchange(
      String method, String path, HttpRequest.BodyPublisher body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/api/v1" + path))
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json")
            .method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    credentials.accept(request);
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MasterException("interrupted while waiting for the master", null, false);
    }
    if (response.statusCode() >= 300) {
      throw refusal(response);
    }
    return response.body();
  }

  private RuntimeException refusal(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    ErrorReply reply;
    try {
      reply = JSON.readValue(response.body(), ErrorReply.class);
    } catch (IOException notOurs) {
      reply = null;
    }
    if (reply == null || reply.error() == null) {
      // Not a master's answer: a proxy or load balancer in between, or not a Sluice master at all.
      String text = new String(response.body(), StandardCharsets.UTF_8).strip();
      return new MasterException(
          base + " answered HTTP " + status + (text.isEmpty() ? "" : ": " + abbreviate(text)),
          "check that --master is a Sluice master's management address (port 8392 by default)",
          false);
    }
    return switch (status) {
      case 400, 413 -> CatalogException.invalid(reply.error(), reply.hint());
      case 404 -> CatalogException.notFound(reply.error(), reply.hint());
      case 409 -> CatalogException.conflict(reply.error(), reply.hint());
      case 401 -> new MasterException(reply.error(), CREDENTIALS_HINT, true);
      case 403 -> new MasterException(reply.error(), reply.hint(), true);
      default -> new MasterException(reply.error(), reply.hint(), false);
    };
  }

  private MasterException unreachable(IOException e) {
    String target = base.toString();
    if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
      return new MasterException(
          "cannot reach the master at " + target + ": " + describe(e),
          "check --master (host and management port, default 8392) and that the master runs",
          false);
    }
    if (e instanceof HttpTimeoutException) {
      return new MasterException(
          "the master at "
              + target
              + " did not answer within "
              + REQUEST_TIMEOUT.toMinutes()
              + " min",
          "look at the master's log; the request may still have been carried out",
          false);
    }
    if (e instanceof SSLException || e.getCause() instanceof SSLException) {
      String why = describe(e);
      String hint =
          why.contains("PKIX") || why.contains("certification path")
              ? "the master's certificate is not issued by the CA you trust: give the cluster CA"
                  + " with --ca ca.crt (from sluice cert ca)"
              : why.contains("subject alternative") || why.contains("No name matching")
                  ? "connect by a name the master's certificate lists (sluice cert master --name)"
                  : "check --ca (the cluster CA) and --cert/--key (from sluice cert admin NAME)";
      return new MasterException(
          "TLS with the master at " + target + " failed: " + why, hint, false);
    }
    return new MasterException(
        "cannot talk to the master at " + target + ": " + describe(e),
        "check --master and the network; run again with SLUICE_DEBUG=1 for the details",
        false);
  }

  private static String describe(Throwable e) {
    Throwable deepest = e;
    while (deepest.getCause() != null) {
      deepest = deepest.getCause();
    }
    if (deepest instanceof java.nio.channels.ClosedChannelException
        || deepest instanceof ConnectException) {
      return "connection refused (is it running?)"; // Java names neither in words
    }
    if (deepest instanceof java.nio.channels.UnresolvedAddressException) {
      return "the host name does not resolve (DNS, /etc/hosts)";
    }
    String message = deepest.getMessage();
    return message == null ? deepest.getClass().getSimpleName() : message;
  }

  private static String abbreviate(String text) {
    String line = text.replaceAll("\\s+", " ");
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }

  private static JavaType type(Class<?> answer) {
    return JSON.getTypeFactory().constructType(answer);
  }

  private static byte[] json(Object body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + body.getClass().getSimpleName(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T read(byte[] body, JavaType type) {
    if (type.getRawClass() == Void.class || body.length == 0) {
      return null;
    }
    try {
      return (T) JSON.readValue(body, type);
    } catch (IOException e) {
      throw new MasterException(
          "the master's answer could not be read as "
              + type.getRawClass().getSimpleName()
              + ": "
              + e.getMessage(),
          "the master and this sluice may be different versions: use the same version on both",
          false);
    }
  }
}
