package io.sluice.cli.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the catalog is. Each setting is taken from, in order: the option, the environment variable,
 * the config file ({@code --config}, key {@code catalog.*}), the default. Without a URL the
 * embedded catalog in {@code --data-dir} is used.
 */
public final class CatalogOptions {

  @Option(
      names = "--catalog-url",
      description =
          "JDBC URL of an external PostgreSQL catalog, e.g. jdbc:postgresql://db1,db2/sluice"
              + "?targetServerType=primary (env SLUICE_CATALOG_URL). Default: the embedded catalog.")
  String url;

  @Option(
      names = "--catalog-user",
      description = "Catalog database user (env SLUICE_CATALOG_USER; default postgres).")
  String user;

  @Option(
      names = "--catalog-password",
      description =
          "Catalog database password (prefer env SLUICE_CATALOG_PASSWORD: options show in ps).")
  String password;

  @Option(
      names = "--catalog-key-file",
      description =
          "File holding the catalog key that encrypts sensitive values (env SLUICE_CATALOG_KEY may"
              + " hold the key itself). Default: <data-dir>/catalog.key.")
  Path keyFile;

  @Option(
      names = "--data-dir",
      description =
          "Folder of the embedded catalog and its key (env SLUICE_DATA_DIR; default ~/.sluice/catalog).")
  Path dataDir;

  @Option(
      names = "--embedded-catalog-port",
      description =
          "TCP port (on 127.0.0.1) of the embedded catalog when this command starts it (env"
              + " SLUICE_EMBEDDED_CATALOG_PORT). Default: any free port; a running one keeps its"
              + " own.")
  Integer embeddedPort;

  @Option(
      names = "--config",
      description =
          "YAML config file with a catalog: section (url, user, password, keyFile, dataDir,"
              + " embeddedPort).")
  Path config;

  private JsonNode configFile;

  /** The --config file, if one was given. */
  public Path configFile() {
    return config;
  }

  public String url() {
    return pick(url, "SLUICE_CATALOG_URL", "url", null);
  }

  public String user() {
    return pick(user, "SLUICE_CATALOG_USER", "user", "postgres");
  }

  public String password() {
    return pick(password, "SLUICE_CATALOG_PASSWORD", "password", "");
  }

  public Path dataDir() {
    return givenDataDir().orElse(Path.of(System.getProperty("user.home"), ".sluice", "catalog"));
  }

  /** The data dir the user chose (option, environment or config file); empty: the default. */
  public Optional<Path> givenDataDir() {
    return Optional.ofNullable(
            pick(dataDir == null ? null : dataDir.toString(), "SLUICE_DATA_DIR", "dataDir", null))
        .map(Path::of);
  }

  /** The embedded catalog's port when this process starts it; 0 for any free port. */
  public int embeddedPort() {
    String text =
        pick(
            embeddedPort == null ? null : embeddedPort.toString(),
            "SLUICE_EMBEDDED_CATALOG_PORT",
            "embeddedPort",
            "0");
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(
          "the embedded catalog's port must be a number, not '" + text + "'",
          "e.g. --embedded-catalog-port 5433, or leave it out for any free port");
    }
  }

  public Path keyFile() {
    return Path.of(
        pick(
            keyFile == null ? null : keyFile.toString(),
            "SLUICE_CATALOG_KEY_FILE",
            "keyFile",
            dataDir().resolve("catalog.key").toString()));
  }

  private String pick(String option, String environmentVariable, String configKey, String dflt) {
    if (option != null) {
      return option;
    }
    String fromEnvironment = System.getenv(environmentVariable);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    JsonNode fromConfig = config().path("catalog").path(configKey);
    if (fromConfig.isValueNode()) {
      return fromConfig.asText();
    }
    return dflt;
  }

  private JsonNode config() {
    if (configFile == null) {
      if (config == null) {
        configFile = new ObjectMapper().createObjectNode();
      } else {
        try {
          configFile = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(config));
          if (configFile == null || configFile.isMissingNode()) {
            configFile = new ObjectMapper().createObjectNode();
          }
        } catch (IOException e) {
          throw new UsageException(
              "cannot read config file " + config + ": " + e.getMessage(),
              "check the path and that it is YAML with a catalog: section");
        }
      }
    }
    return configFile;
  }
}
