package io.sluice.catalog.project;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** Version cleanup after a deploy: keeps the newest MAX_PROJECT_VERSIONS versions of a project. */
final class VersionRetention {

  private static final String SETTINGS =
      """
      select name, value
        from catalog_property
       where name in ('VERSION_CLEANUP_ENABLED', 'MAX_PROJECT_VERSIONS')
      """;

  private static final String DELETE_OLDER =
      """
      delete from project_version
       where project_id = :projectId
         and version_id <> :currentVersionId
         and version_number not in (select version_number
                                      from project_version
                                     where project_id = :projectId
                                     order by version_number desc
                                     limit :keep)
      returning version_number
      """;

  private VersionRetention() {}

  /** Deletes the versions beyond the limit (never the current one); returns their numbers. */
  static List<Integer> apply(Handle h, long projectId, long currentVersionId) {
    Map<String, String> settings =
        h.createQuery(SETTINGS)
            .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("value")))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    if (!Boolean.parseBoolean(settings.getOrDefault("VERSION_CLEANUP_ENABLED", "true").trim())) {
      return List.of();
    }
    int keep = keepCount(settings.get("MAX_PROJECT_VERSIONS"));
    return h
        .createQuery(DELETE_OLDER)
        .bind("projectId", projectId)
        .bind("currentVersionId", currentVersionId)
        .bind("keep", keep)
        .mapTo(Integer.class)
        .list()
        .stream()
        .sorted()
        .toList();
  }

  // A damaged setting must not delete history: anything unreadable keeps every version.
  private static int keepCount(String value) {
    try {
      return Math.max(1, Integer.parseInt(value == null ? "" : value.trim()));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }
}
