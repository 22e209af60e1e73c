package io.sluice.catalog.project;

import io.sluice.catalog.CatalogException;
import io.sluice.catalog.folder.FolderLookup;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Finds a deployed project by folder and name, locking it as the caller's change needs. */
public final class ProjectLookup {

  /** A project row as the operations of other areas need it. */
  public record ProjectRow(
      long projectId, long folderId, String folder, String name, long currentVersionId) {}

  private static final String SELECT =
      """
      select p.project_id, p.folder_id, f.name as folder, p.name, p.current_version_id
        from project p
        join folder f on f.folder_id = p.folder_id
       where f.name = :folder
         and p.name = :project
      """;

  private static final String SELECT_VERSION_ID =
      """
      select version_id
        from project_version
       where project_id = :projectId
         and version_number = :versionNumber
      """;

  private ProjectLookup() {}

  /** The id of a version the catalog still keeps, or NOT_FOUND naming the way to list them. */
  public static long versionId(Handle h, ProjectRow row, int versionNumber) {
    return h.createQuery(SELECT_VERSION_ID)
        .bind("projectId", row.projectId())
        .bind("versionNumber", versionNumber)
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(
            () ->
                CatalogException.notFound(
                    "project '"
                        + row.name()
                        + "' in folder '"
                        + row.folder()
                        + "' has no version "
                        + versionNumber,
                    "list its versions with: sluice catalog projects versions --folder "
                        + row.folder()
                        + " --project "
                        + row.name()));
  }

  /** Without a lock: for reading. */
  public static ProjectRow require(Handle h, String folder, String project) {
    return find(h, SELECT, folder, project);
  }

  /**
   * Locked FOR SHARE: changes to the current version's rows (server values) wait for a running
   * deploy or restore, and a deploy waits for them, so none is lost when values are carried over.
   */
  public static ProjectRow requireForShare(Handle h, String folder, String project) {
    return find(h, SELECT + " for share of p", folder, project);
  }

  /** Locked FOR UPDATE: one deploy, restore or delete of a project at a time. */
  public static ProjectRow requireForUpdate(Handle h, String folder, String project) {
    return find(h, SELECT + " for update of p", folder, project);
  }

  private static ProjectRow find(Handle h, String sql, String folder, String project) {
    return h.createQuery(sql)
        .bind("folder", folder)
        .bind("project", project)
        .map(ConstructorMapper.of(ProjectRow.class))
        .findOne()
        .orElseThrow(() -> notFound(h, folder, project));
  }

  private static CatalogException notFound(Handle h, String folder, String project) {
    FolderLookup.requireId(h, folder); // a missing folder is the better message
    return CatalogException.notFound(
        "project '" + project + "' does not exist in folder '" + folder + "'",
        "list the projects with: sluice catalog projects list --folder " + folder);
  }
}
