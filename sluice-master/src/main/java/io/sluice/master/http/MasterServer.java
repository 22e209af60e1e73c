package io.sluice.master.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.sluice.catalog.CatalogException;
import io.sluice.master.config.SettingsException;
import io.sluice.protocol.ErrorReply;
import io.sluice.protocol.worker.WorkerApi;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's HTTPS server (Javalin on Jetty 12) with two TLS connectors sharing one certificate:
 *
 * <ul>
 *   <li>the worker port (8391): a client certificate issued by the cluster CA is REQUIRED, so a
 *       certificate from another CA is refused in the TLS handshake, before any HTTP;
 *   <li>the management port (8392): a client certificate is optional, so load balancers can probe
 *       {@code /health/ready} and operators can use an API token instead of a certificate.
 * </ul>
 *
 * The worker API answers on the worker port only. Every refusal is an {@link ErrorReply}, never a
 * stack trace.
 */
public final class MasterServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MasterServer.class);

  private final Javalin app;
  private ServerConnector workerConnector;
  private ServerConnector managementConnector;
  private final String host;
  private final int configuredWorkerPort;
  private final int configuredManagementPort;

  public MasterServer(
      SSLContext sslContext,
      String host,
      int workerPort,
      int managementPort,
      Duration idleTimeout,
      List<RouteModule> modules) {
    this.host = host;
    this.configuredWorkerPort = workerPort;
    this.configuredManagementPort = managementPort;
    this.app =
        Javalin.create(
            config -> {
              configure(config, sslContext, host, workerPort, managementPort, idleTimeout);
              config.routes.before(MasterServer::refuseMalformedEscapes);
              config.routes.before(
                  WorkerApi.BASE + "/*",
                  ctx -> {
                    // By connector, not port number: while the server stops, the connector's
                    // port reads -1, and a heartbeat still in flight would be refused with a 404,
                    // which makes the worker abort its task.
                    if (ServletContextRequest.getServletContextRequest(ctx.req())
                            .getConnectionMetaData()
                            .getConnector()
                        != workerConnector) {
                      throw ApiException.notFound(
                          "the worker API is not served on this port",
                          "workers use the worker port (port:, default 8391)");
                    }
                  });
              for (RouteModule module : modules) {
                module.register(config.routes);
              }
              errors(config);
            });
  }

  private void configure(
      JavalinConfig config,
      SSLContext sslContext,
      String host,
      int workerPort,
      int managementPort,
      Duration idleTimeout) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    // What Jetty refuses before any route runs (%00, bad escapes) is answered as JSON too.
    config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
    config.jetty.addConnector(
        (server, http) -> {
          workerConnector =
              connector(server, http, sslContext, true, host, workerPort, idleTimeout);
          return workerConnector;
        });
    config.jetty.addConnector(
        (server, http) -> {
          managementConnector =
              connector(server, http, sslContext, false, host, managementPort, idleTimeout);
          return managementConnector;
        });
  }

  private static ServerConnector connector(
      Server server,
      HttpConfiguration shared,
      SSLContext sslContext,
      boolean requireClientCertificate,
      String host,
      int port,
      Duration idleTimeout) {
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setSslContext(sslContext);
    if (requireClientCertificate) {
      tls.setNeedClientAuth(true);
    } else {
      tls.setWantClientAuth(true);
    }
    HttpConfiguration https = new HttpConfiguration(shared);
    // Workers check the master's name against its certificate; the server-side SNI check would only
    // refuse clients that reach the master by an address a load balancer rewrote.
    https.addCustomizer(new SecureRequestCustomizer(false));
    ServerConnector connector =
        new ServerConnector(
            server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https));
    connector.setHost(host);
    connector.setPort(port);
    // Long polls are held open for up to maxPollWait: the connection must outlive them.
    connector.setIdleTimeout(idleTimeout.toMillis());
    return connector;
  }

  private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  /**
   * Jetty lets a {@code %} that is not followed by two hex digits (e.g. {@code %u0041}) through to
   * the routes, where decoding a path parameter would fail as a 500: refuse it as the 400 it is.
   */
  private static void refuseMalformedEscapes(Context ctx) {
    String path = ctx.req().getRequestURI();
    if (path != null && MALFORMED_ESCAPE.matcher(path).find()) {
      throw ApiException.badRequest(
          "the request cannot be read: its path has a %-escape that is not two hex digits",
          "escape names in paths as UTF-8 (a space is %20, a slash %2F, a % itself %25); see"
              + " docs/rest-api.md");
    }
  }

  private static void errors(JavalinConfig config) {
    config.routes.exception(ApiException.class, (e, ctx) -> Json.write(ctx, e.status(), e.reply()));
    config.routes.exception(
        CatalogException.class,
        (e, ctx) -> {
          int status =
              switch (e.reason()) {
                case INVALID -> 400;
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
              };
          Json.write(ctx, status, new ErrorReply(e.getMessage(), e.hint()));
        });
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          log.error("{} {} failed", ctx.method(), ctx.path(), e);
          Json.write(
              ctx,
              500,
              new ErrorReply(
                  "the master could not handle this request: " + e.getClass().getSimpleName(),
                  "try again; if it persists, look at the master's log"));
        });
    config.routes.error(
        404,
        ctx -> {
          // Ours are JSON already (ApiException, CatalogException), the web console's HTML;
          // Javalin's own "Endpoint ... not found" is plain text, which no API client can read as
          // an error reply.
          String type = ctx.res().getContentType();
          if (type == null
              || !(type.startsWith("application/json") || type.startsWith("text/html"))) {
            Json.write(
                ctx,
                404,
                new ErrorReply(
                    "no such endpoint: " + ctx.method() + " " + ctx.path(),
                    "see docs/rest-api.md for the API"));
          }
        });
    config.routes.error(
        405,
        ctx ->
            Json.write(
                ctx,
                405,
                new ErrorReply(
                    ctx.method() + " is not allowed on " + ctx.path(),
                    "see docs/rest-api.md for the API")));
  }

  public MasterServer start() {
    try {
      app.start();
    } catch (RuntimeException e) {
      BindException taken = bindFailure(e);
      if (taken == null) {
        throw e;
      }
      app.stop(); // the other port may be bound already
      throw new SettingsException(
          "the master cannot listen on "
              + takenPort()
              + ": "
              + taken.getMessage()
              + " (another master, or another program, uses it)",
          "stop what uses it (ss -ltnp shows who listens where), or choose other ports with"
              + " port: and managementPort: in master.yaml");
    }
    log.info(
        "serving workers on port {} and management on port {}", workerPort(), managementPort());
    return this;
  }

  private static BindException bindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BindException bind) {
        return bind;
      }
    }
    return null;
  }

  /** Which of the two ports is taken: Jetty's message ("Address already in use") does not say. */
  private String takenPort() {
    if (inUse(configuredWorkerPort)) {
      return "port " + configuredWorkerPort + " (the worker API, port:)";
    }
    if (inUse(configuredManagementPort)) {
      return "port " + configuredManagementPort + " (management, managementPort:)";
    }
    return "port " + configuredWorkerPort + " or " + configuredManagementPort;
  }

  private boolean inUse(int port) {
    if (port == 0) {
      return false;
    }
    try (ServerSocket probe = new ServerSocket()) {
      // No host: Jetty listens on every address, and so does the probe.
      probe.bind(host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port));
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * Every HTTP route the server has, as {@code METHOD PATH} (e.g. {@code GET
   * /api/v1/folders/{folder}}), without before/after handlers: what the OpenAPI document must
   * describe. Javalin keeps them in its internal router; it has no public listing.
   */
  public List<String> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
        .sorted()
        .distinct()
        .toList();
  }

  public int workerPort() {
    return workerConnector.getLocalPort();
  }

  public int managementPort() {
    return managementConnector.getLocalPort();
  }

  @Override
  public void close() {
    app.stop();
  }
}
