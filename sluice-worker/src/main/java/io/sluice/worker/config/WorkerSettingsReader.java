package io.sluice.worker.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sluice.engine.project.InvisibleCharacters;
import io.sluice.engine.project.ObjectNames;
import io.sluice.engine.project.Suggestions;
import io.sluice.protocol.config.DurationText;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads worker.yaml. Every mistake is reported with the setting's name and what a right value looks
 * like; an unknown setting is an error (a misspelt one would otherwise be silently ignored).
 * Relative paths are resolved against the folder of the file.
 */
public final class WorkerSettingsReader {

  /** Sluice masters listen here unless their config says otherwise (SSIS's 8391). */
  public static final int DEFAULT_MASTER_PORT = 8391;

  private static final Set<String> KNOWN =
      Set.of(
          "displayName",
          "description",
          "tags",
          "masters",
          "tls",
          "agentHeartbeatInterval",
          "taskHeartbeatInterval",
          "heartbeatErrorTolerance",
          "maxTaskCount",
          "leaseSafetyMargin",
          "taskLogFolder",
          "executionLogCacheFolder",
          "logRetryCount",
          "logRetryTimeout",
          "shutdownGracePeriod",
          "pollWait",
          "connectTimeout");
  private static final Set<String> KNOWN_TLS =
      Set.of("ca", "masterCertificate", "certificate", "key");

  private final Path file;
  private final Path base;

  private WorkerSettingsReader(Path file) {
    this.file = file.toAbsolutePath();
    this.base = this.file.getParent();
  }

  public static WorkerSettings read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new WorkerSettingsException(
          "the worker settings file " + file + " does not exist",
          "create it (docs/worker.md has a complete example) or pass --config PATH");
    } catch (IOException e) {
      throw new WorkerSettingsException(
          "cannot read " + file + ": " + e.getMessage(), "check the path and its permissions");
    }
    return new WorkerSettingsReader(file).parse(text);
  }

  /** Parses settings text; relative paths are resolved against {@code baseFolder}. */
  public static WorkerSettings parse(String yaml, Path baseFolder) {
    return new WorkerSettingsReader(baseFolder.resolve("worker.yaml")).parse(yaml);
  }

  private WorkerSettings parse(String text) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (JacksonException e) {
      throw new WorkerSettingsException(
          file + " is not valid YAML: " + e.getOriginalMessage(),
          "fix the line named above; docs/worker.md has a complete example");
    }
    if (root == null || !root.isObject()) {
      throw new WorkerSettingsException(
          file + " holds no settings", "start from the example in docs/worker.md");
    }
    rejectUnknown(root, KNOWN, "");
    Path taskLogs = path(root, "taskLogFolder", "tasks");
    Path cache = path(root, "executionLogCacheFolder", "execution-log-cache");
    WorkerSettings settings =
        new WorkerSettings(
            text(root, "displayName", defaultDisplayName()),
            text(root, "description", ""),
            tags(root),
            masters(root),
            tls(root),
            duration(root, "agentHeartbeatInterval", WorkerSettings.DEFAULT_AGENT_HEARTBEAT),
            duration(root, "taskHeartbeatInterval", WorkerSettings.DEFAULT_TASK_HEARTBEAT),
            duration(
                root, "heartbeatErrorTolerance", WorkerSettings.DEFAULT_HEARTBEAT_ERROR_TOLERANCE),
            positive(root, "maxTaskCount", WorkerSettings.DEFAULT_MAX_TASK_COUNT),
            duration(root, "leaseSafetyMargin", WorkerSettings.DEFAULT_SAFETY_MARGIN),
            taskLogs,
            cache,
            nonNegative(root, "logRetryCount", WorkerSettings.DEFAULT_LOG_RETRY_COUNT),
            duration(root, "logRetryTimeout", WorkerSettings.DEFAULT_LOG_RETRY_TIMEOUT),
            duration(root, "shutdownGracePeriod", WorkerSettings.DEFAULT_SHUTDOWN_GRACE),
            duration(root, "pollWait", WorkerSettings.DEFAULT_POLL_WAIT),
            duration(root, "connectTimeout", WorkerSettings.DEFAULT_CONNECT_TIMEOUT));
    // The heartbeat interval is checked against the lease per task: only the master knows L.
    showable("displayName", settings.displayName());
    settings.tags().forEach(tag -> showable("tags", tag));
    ObjectNames.descriptionProblem("the worker", settings.description())
        .ifPresent(
            why -> {
              throw new WorkerSettingsException(file + ": " + why, ObjectNames.DESCRIPTION_HINT);
            });
    return settings;
  }

  /** Refuses a control or invisible character in what operators see and match by. */
  private void showable(String setting, String text) {
    InvisibleCharacters.problem(setting, text)
        .ifPresent(
            why -> {
              throw new WorkerSettingsException(file + ": " + why, ObjectNames.INVISIBLE_HINT);
            });
  }

  private void rejectUnknown(JsonNode node, Set<String> known, String prefix) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        String closest = Suggestions.closest(name, known);
        String suggestion = closest == null ? "" : "did you mean " + prefix + closest + "? ";
        throw new WorkerSettingsException(
            file + ": unknown setting '" + prefix + name + "'",
            suggestion
                + "the settings are: "
                + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  /** Names that start alike (maxTasks / maxTaskCount, taskLogs / taskLogFolder). */
  private String text(JsonNode root, String name, String fallback) {
    JsonNode node = root.get(name);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isValueNode()) {
      throw wrong(name, "a text", "displayName: etl-worker-1");
    }
    return node.asText();
  }

  private List<String> tags(JsonNode root) {
    JsonNode node = root.get("tags");
    List<String> tags = new ArrayList<>();
    if (node == null || node.isNull()) {
      return tags;
    }
    if (node.isTextual()) {
      for (String t : node.asText().split(",")) {
        if (!t.isBlank()) {
          tags.add(t.trim());
        }
      }
      return tags;
    }
    if (!node.isArray()) {
      throw wrong("tags", "a list of words", "tags: [linux, big-memory]");
    }
    node.forEach(t -> tags.add(t.asText().trim()));
    return tags;
  }

  private List<URI> masters(JsonNode root) {
    JsonNode node = root.get("masters");
    if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
      throw new WorkerSettingsException(
          file + ": no master endpoint (setting 'masters')",
          "add e.g. masters: [https://master-1:8391, https://master-2:8391], or one shared name");
    }
    List<String> texts = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> texts.add(n.asText()));
    } else {
      texts.add(node.asText());
    }
    List<URI> endpoints = new ArrayList<>();
    for (String t : texts) {
      endpoints.add(endpoint(t.trim()));
    }
    return endpoints;
  }

  private URI endpoint(String text) {
    URI uri;
    try {
      uri = new URI(text.contains("://") ? text : "https://" + text);
    } catch (URISyntaxException e) {
      throw wrong("masters", "https URLs", "masters: [https://master-1:8391]");
    }
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      throw new WorkerSettingsException(
          file + ": master endpoint " + text + " is not https",
          "workers talk to masters over mutual TLS only: write https://" + uri.getHost() + ":8391");
    }
    if (uri.getHost() == null) {
      throw wrong("masters", "https URLs with a host name", "masters: [https://master-1:8391]");
    }
    int port = uri.getPort() == -1 ? DEFAULT_MASTER_PORT : uri.getPort();
    return URI.create("https://" + uri.getHost() + ":" + port);
  }

  private WorkerSettings.Tls tls(JsonNode root) {
    JsonNode node = root.get("tls");
    String example =
        "tls: {ca: ca.crt, certificate: worker-1.crt, key: worker-1.key} (files from sluice cert)";
    if (node == null || !node.isObject()) {
      throw new WorkerSettingsException(
          file + ": no 'tls' settings: a worker needs its certificate and the cluster CA", example);
    }
    rejectUnknown(node, KNOWN_TLS, "tls.");
    boolean hasCa = node.hasNonNull("ca");
    boolean hasPin = node.hasNonNull("masterCertificate");
    if (hasCa == hasPin) {
      throw new WorkerSettingsException(
          file
              + ": set exactly one of tls.ca (the cluster CA) and tls.masterCertificate (a pinned"
              + " master certificate)",
          "tls.ca is the usual choice: every master certificate the CA issues is then trusted");
    }
    Path trusted = existing(node, hasCa ? "ca" : "masterCertificate", example);
    Path certificate = existing(node, "certificate", example);
    Path key = existing(node, "key", example);
    return new WorkerSettings.Tls(trusted, hasPin, certificate, key);
  }

  private Path existing(JsonNode tls, String name, String example) {
    JsonNode node = tls.get(name);
    if (node == null || node.isNull() || node.asText().isBlank()) {
      throw new WorkerSettingsException(file + ": tls." + name + " is missing", example);
    }
    Path path = base.resolve(node.asText());
    if (!Files.isRegularFile(path)) {
      throw new WorkerSettingsException(
          file + ": tls." + name + " names " + path + ", which does not exist",
          "create it with sluice cert ("
              + (name.equals("ca") ? "sluice cert ca" : "sluice cert worker NAME")
              + ") or fix the path; relative paths count from the folder of worker.yaml");
    }
    return path;
  }

  private Path path(JsonNode root, String name, String fallback) {
    JsonNode node = root.get(name);
    String text = node == null || node.isNull() ? fallback : node.asText();
    return base.resolve(text).normalize();
  }

  private Duration duration(JsonNode root, String name, Duration fallback) {
    JsonNode node = root.get(name);
    if (node == null || node.isNull()) {
      return fallback;
    }
    // the same rule as master.yaml's: a bare number (10: seconds or milliseconds?) is refused
    Duration d = DurationText.parse(node.asText()).orElse(null);
    if (d == null || d.isNegative() || d.isZero()) {
      throw wrong(name, "a positive duration such as " + DurationText.FORMS, name + ": 10s");
    }
    return d;
  }

  private int positive(JsonNode root, String name, int fallback) {
    int n = integer(root, name, fallback);
    if (n < 1) {
      throw wrong(name, "a whole number of at least 1", name + ": " + fallback);
    }
    return n;
  }

  private int nonNegative(JsonNode root, String name, int fallback) {
    int n = integer(root, name, fallback);
    if (n < 0) {
      throw wrong(name, "a whole number of at least 0", name + ": " + fallback);
    }
    return n;
  }

  private int integer(JsonNode root, String name, int fallback) {
    JsonNode node = root.get(name);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (node.isInt()) {
      return node.intValue();
    }
    try {
      return Integer.parseInt(node.asText().trim());
    } catch (NumberFormatException e) {
      throw wrong(name, "a whole number", name + ": " + fallback);
    }
  }

  private WorkerSettingsException wrong(String name, String expected, String example) {
    return new WorkerSettingsException(
        file + ": setting '" + name + "' must be " + expected, "for example " + example);
  }

  private static String defaultDisplayName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "worker";
    }
  }
}
