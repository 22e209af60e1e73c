package io.sluice.catalog.property;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The catalog properties that catalog code acts on, typed. Read inside the caller's transaction, so
 * a change made in it is seen.
 */
public record CatalogSettings(
    int retentionWindowDays,
    boolean operationCleanupEnabled,
    int serverLoggingLevel,
    boolean scaleOutByDefault) {

  public static CatalogSettings read(Handle handle) {
    Map<String, String> values = new HashMap<>();
    handle
        .createQuery("select name, value from catalog_property")
        .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("value")))
        .forEach(entry -> values.put(entry.getKey(), entry.getValue()));
    return new CatalogSettings(
        Integer.parseInt(values.getOrDefault("RETENTION_WINDOW", "365")),
        Boolean.parseBoolean(values.getOrDefault("OPERATION_CLEANUP_ENABLED", "true")),
        Integer.parseInt(values.getOrDefault("SERVER_LOGGING_LEVEL", "1")),
        "SCALE_OUT".equals(values.getOrDefault("DEFAULT_EXECUTION_MODE", "SERVER")));
  }
}
