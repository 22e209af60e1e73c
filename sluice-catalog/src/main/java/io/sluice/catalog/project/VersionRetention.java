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
         -- a version that a created, pending or running execution will read must stay
         and version_id not in (select project_version_id
                                  from execution
                                 where status in (1, 2, 5, 8))
         and version_number not in (select version_number
                                      from project_version
                                     where project_id = :projectId
                                     order by version_number desc
                                     limit :keep)
      returning version_number
      """;

  private static final String PROJECTS =
      "select project_id, current_version_id from project where current_version_id is not null";

  private VersionRetention() {}

  /**
   * Applies the limit to every project (the retention job's version cleanup); returns the count.
   */
  static int applyToAll(Handle h) {
    int removed = 0;
    for (Map.Entry<Long, Long> project :
        h.createQuery(PROJECTS)
            .map((rs, ctx) -> Map.entry(rs.getLong("project_id"), rs.getLong("current_version_id")))
            .list()) {
      removed += apply(h, project.getKey(), project.getValue()).size();
    }
    return removed;
  }

  /**
   * Deletes the versions beyond the limit (never the current one, nor one an unfinished execution
   * uses); returns their numbers.
   */
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
