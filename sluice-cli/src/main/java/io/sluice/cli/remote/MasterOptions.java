package io.sluice.cli.remote;

import io.sluice.cli.common.UsageException;
import io.sluice.protocol.tls.TlsContexts;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Option;

/**
 * Where a remote command goes: a master's management API, with an administrator certificate or an
 * API token, so operators need no catalog database credentials. Each setting: the option, else its
 * environment variable.
 */
public final class MasterOptions {

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Work through this master's management API instead of on the catalog database, e.g."
              + " https://master1:8392 (env SLUICE_MASTER).")
  String master;

  @Option(
      names = "--ca",
      paramLabel = "FILE",
      description =
          "With --master: the cluster CA certificate (ca.crt from sluice cert ca) the master's"
              + " certificate must be issued by (env SLUICE_CA). Default: the JVM's trusted CAs.")
  Path ca;

  @Option(
      names = "--cert",
      paramLabel = "FILE",
      description =
          "With --master: an administrator certificate (NAME.crt from sluice cert admin NAME; env"
              + " SLUICE_CERT).")
  Path certificate;

  @Option(
      names = "--key",
      paramLabel = "FILE",
      description = "With --master: the key of --cert (NAME.key; env SLUICE_KEY).")
  Path key;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description =
          "With --master: an API token from sluice tokens create (prefer env SLUICE_TOKEN: options"
              + " show in ps).")
  String token;

  /** Whether the command should go through a master. */
  public boolean given() {
    return url() != null;
  }

  /**
   * Connects as the options say. Options beat environment variables; a token beats a certificate
   * only when both come from the environment; --token with --cert is refused. Without either, the
   * master answers 401 with what to do.
   */
  public MasterConnection connect() {
    URI base = base(url());
    if (token != null && certificate != null) {
      throw new UsageException(
          "--token and --cert are two identities", "give one of them, not both");
    }
    String bearer =
        token != null ? token : certificate != null ? null : environment("SLUICE_TOKEN");
    Path cert = bearer != null ? null : pick(certificate, "SLUICE_CERT");
    Path keyFile = bearer != null ? null : pick(key, "SLUICE_KEY");
    if ((cert == null) != (keyFile == null)) {
      throw new UsageException(
          "--cert and --key go together", "give both: --cert NAME.crt --key NAME.key");
    }
    KeyStore identity = cert == null ? null : TlsContexts.keyStore(cert, keyFile);
    Path trusted = pick(ca, "SLUICE_CA");
    SSLContext ssl =
        TlsContexts.sslContext(identity, trusted == null ? null : TlsContexts.trustStore(trusted));
    Consumer<HttpRequest.Builder> authorization =
        bearer == null
            ? request -> {}
            : request -> request.header("Authorization", "Bearer " + bearer.trim());
    return new MasterConnection(base, ssl, authorization);
  }

  private String url() {
    return master != null ? master : environment("SLUICE_MASTER");
  }

  private static URI base(String url) {
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new UsageException(
          "--master '" + url + "' is not an https:// address",
          "give the master's management address, e.g. --master https://master1:8392");
    }
    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
  }

  private static Path pick(Path option, String environmentVariable) {
    if (option != null) {
      return option;
    }
    String fromEnvironment = environment(environmentVariable);
    return fromEnvironment == null ? null : Path.of(fromEnvironment);
  }

  private static String environment(String name) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? null : value;
  }
}
