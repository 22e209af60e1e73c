package io.sluice.master.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sluice.engine.project.Suggestions;
import io.sluice.protocol.config.DurationText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code master.yaml}. Every key is optional but the TLS files; an unknown key is an error (a
 * misspelt setting silently ignored is how a site runs on defaults it did not choose). Relative
 * paths are relative to the file's folder. The {@code catalog:} section belongs to the catalog
 * options and is skipped here.
 */
public final class MasterConfigFile {

  private static final Set<String> KEYS =
      Set.of(
          "name",
          "host",
          "port",
          "managementPort",
          "advertisedAddress",
          "tls",
          "catalog",
          "cleanupCompletedTasksInterval",
          "expiredTaskCheckInterval",
          "masterHeartbeatInterval",
          "catalogConnectionTimeout",
          "leaseInterval",
          "grace",
          "maxPollWait",
          "taskTimeout",
          "maxRequestBytes",
          "leaderLease",
          "catalogFailoverTimeout",
          "retentionCleanupInterval",
          "serverExecutions",
          "serverExecutionJvmOptions");
  private static final Set<String> TLS_KEYS = Set.of("certificate", "key", "ca");

  private MasterConfigFile() {}

  public static MasterSettings read(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new SettingsException(
          "config file " + file + " does not exist",
          "write one as docs/scale-out.md shows, or give its path with --config");
    } catch (IOException e) {
      throw new SettingsException(
          "cannot read " + file + ": " + e.getMessage(), "check that it is valid YAML");
    }
    if (root == null || !root.isObject()) {
      throw new SettingsException(
          file + " holds no settings", "it needs at least a tls: section (certificate, key, ca)");
    }
    requireKnown(file, root, KEYS, "");
    JsonNode tls = root.path("tls");
    if (!tls.isObject()) {
      throw new SettingsException(
          file + " has no tls: section",
          "add tls: {certificate: master.crt, key: master.key, ca: ca.crt} (sluice cert master"
              + " writes them)");
    }
    requireKnown(file, tls, TLS_KEYS, "tls.");
    Path folder = file.toAbsolutePath().getParent();
    MasterSettings d =
        MasterSettings.defaults(
            path(folder, tls, "certificate"), path(folder, tls, "key"), path(folder, tls, "ca"));
    return new MasterSettings(
        text(root, "name", d.name()),
        text(root, "host", d.host()),
        root.has("port") ? (int) integer(root, "port") : d.port(),
        root.has("managementPort") ? (int) integer(root, "managementPort") : d.managementPort(),
        text(root, "advertisedAddress", d.advertisedAddress()),
        d.certificate(),
        d.key(),
        d.ca(),
        duration(root, "cleanupCompletedTasksInterval", d.cleanupCompletedTasksInterval()),
        duration(root, "expiredTaskCheckInterval", d.expiredTaskCheckInterval()),
        duration(root, "masterHeartbeatInterval", d.masterHeartbeatInterval()),
        duration(root, "catalogConnectionTimeout", d.catalogConnectionTimeout()),
        duration(root, "leaseInterval", d.leaseInterval()),
        duration(root, "grace", d.grace()),
        duration(root, "maxPollWait", d.maxPollWait()),
        duration(root, "taskTimeout", d.taskTimeout()),
        root.has("maxRequestBytes") ? integer(root, "maxRequestBytes") : d.maxRequestBytes(),
        duration(root, "leaderLease", d.leaderLease()),
        duration(root, "catalogFailoverTimeout", d.catalogFailoverTimeout()),
        duration(root, "retentionCleanupInterval", d.retentionCleanupInterval()),
        root.has("serverExecutions")
            ? (int) integer(root, "serverExecutions")
            : d.serverExecutions(),
        root.has("serverExecutionJvmOptions")
            ? options(root, "serverExecutionJvmOptions")
            : d.serverExecutionJvmOptions());
  }

  private static void requireKnown(Path file, JsonNode node, Set<String> known, String prefix) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        String closest = Suggestions.closest(name, known);
        throw new SettingsException(
            file + ": unknown setting '" + prefix + name + "'",
            (closest == null ? "" : "did you mean " + prefix + closest + "? ")
                + "known settings: "
                + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  private static Path path(Path folder, JsonNode tls, String key) {
    JsonNode value = tls.path(key);
    if (!value.isValueNode() || value.asText().isBlank()) {
      throw new SettingsException(
          "tls." + key + " is missing",
          "give the file sluice cert wrote: tls.certificate master.crt, tls.key master.key,"
              + " tls.ca ca.crt");
    }
    return folder.resolve(value.asText());
  }

  private static String text(JsonNode root, String key, String dflt) {
    JsonNode value = root.path(key);
    return value.isValueNode() ? value.asText() : dflt;
  }

  /** JVM options as one line ("-Xmx2g -XX:+UseSerialGC") or a list of them. */
  private static List<String> options(JsonNode root, String key) {
    JsonNode value = root.path(key);
    List<String> options = new ArrayList<>();
    if (value.isTextual()) {
      options.addAll(List.of(value.asText().trim().split("\\s+")));
      options.removeIf(String::isEmpty);
    } else if (value.isArray()) {
      value.forEach(o -> options.add(o.asText()));
    } else {
      throw new SettingsException(
          key + " must be JVM options", "e.g. " + key + ": -Xmx2g -XX:+UseSerialGC");
    }
    return options;
  }

  private static long integer(JsonNode root, String key) {
    JsonNode value = root.path(key);
    if (!value.canConvertToLong()) {
      throw new SettingsException(key + " must be a whole number", "e.g. " + key + ": 8391");
    }
    return value.asLong();
  }

  private static Duration duration(JsonNode root, String key, Duration dflt) {
    JsonNode value = root.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return dflt;
    }
    // the same rule as worker.yaml's: a bare number (other than 0) could be seconds or milliseconds
    return DurationText.parse(value.asText())
        .orElseThrow(
            () ->
                new SettingsException(
                    key
                        + ": '"
                        + value.asText()
                        + "' is not a duration"
                        + (value.isNumber() ? " (a bare number could be s or ms)" : ""),
                    "write it with its unit, like " + DurationText.FORMS));
  }
}
